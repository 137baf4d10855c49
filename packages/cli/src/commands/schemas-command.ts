import { join } from 'node:path';
import type { Command } from 'commander';
import { printResult } from '../output';
import { SCHEMAS_FOLDER } from '../rules/rule-file-kind';
import { staleRuleSchemas, writeRuleSchemas } from '../rules/rule-schemas';
import { reportUsageErrors, withUsageErrors } from './command-errors';
import { defaultRulesDir } from './repo-root';

interface SchemasOptions {
  out?: string;
  check?: boolean;
  json?: boolean;
}

/** Output of `dunflow schemas`, printed as it is with --json. */
export interface SchemasOutput {
  dir: string;
  /** The schema files written; empty with --check. */
  written: string[];
  /** With --check, the schema files that are missing or out of date. */
  stale: string[];
}

const SCHEMAS_HELP = `
Writes the JSON Schema (draft 2020-12) of each rule file kind, generated from Dunflow's zod
schemas: scenario.schema.json, segmentation.schema.json and template.schema.json. Every rule
file names its schema in "$schema" (e.g. "../schemas/scenario.schema.json"), so editors such
as VS Code validate and complete it. Run it after upgrading dunflow; \`dunflow validate\`
reports schemas that are out of date.

Exit codes:
  0  the schemas were written, or with --check are up to date
  1  with --check, a schema is missing or out of date; or the folder cannot be written
  2  usage error: an unknown option

Examples:
  dunflow schemas
  dunflow schemas --check`;

/** Registers `dunflow schemas`: writes the JSON Schemas of the rule files. */
export function registerSchemasCommand(program: Command): void {
  const command = program
    .command('schemas')
    .description('Write the JSON Schemas of scenario, segmentation and template files')
    .option('--out <dir>', 'folder to write to (default: rules/schemas/ of the repository)')
    .option('--check', 'write nothing; fail when a schema is missing or out of date')
    .option('--json', 'print one JSON document instead of text')
    .addHelpText('after', SCHEMAS_HELP);
  reportUsageErrors(command).action(withUsageErrors(runSchemas));
}

async function runSchemas(options: SchemasOptions): Promise<void> {
  const dir = options.out ?? join(defaultRulesDir(), SCHEMAS_FOLDER);
  const output: SchemasOutput =
    options.check === true
      ? { dir, written: [], stale: await staleRuleSchemas(dir) }
      : { dir, written: await writeRuleSchemas(dir), stale: [] };
  if (output.stale.length > 0) process.exitCode = 1;
  printResult(options, output, schemasLines);
}

function schemasLines(output: SchemasOutput): string[] {
  if (output.written.length > 0) return output.written.map((file) => `wrote ${file}`);
  if (output.stale.length === 0) return [`the schemas in ${output.dir} are up to date`];
  return [
    ...output.stale.map((file) => `${file}: missing or out of date`),
    `run \`dunflow schemas --out ${output.dir}\` to write them`,
  ];
}
