export { compileFromFolder, readRulesFolder, RulesFileError } from './rules/rules-folder';
export type { RulesFolder } from './rules/rules-folder';
