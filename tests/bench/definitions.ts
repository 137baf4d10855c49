import { resolve } from 'node:path';
import { compile } from '@dunflow/engine';
import type { CompiledDefinition, ScenarioInput } from '@dunflow/model';
import { compileFromFolder, readRulesFolder } from '@dunflow/cli';

/** The repository's `rules/` folder, whose `scenarios/default.json` the product starts. */
export const RULES_DIR = resolve(import.meta.dirname, '../../rules');

/** The simplest scenario: the trigger of the default scenario, then the end. */
const TRIGGER_END: ScenarioInput = {
  formatVersion: 1,
  kind: 'scenario',
  id: 'trigger-end',
  name: 'Trigger then end',
  nodes: [
    { id: 'start', type: 'trigger', data: { entry: 'overdue', days: 0 } },
    { id: 'end', type: 'end', data: { outcome: 'completed' } },
  ],
  edges: [{ id: 'start-end', source: 'start', target: 'end' }],
};

/** Compiles `rules/scenarios/default.json` against the templates and rule sets of `rules/`. */
export async function compileDefaultScenario(): Promise<CompiledDefinition> {
  const result = compileFromFolder(await readRulesFolder(RULES_DIR), 'default');
  if (!result.ok)
    throw new Error(`the default scenario does not compile: ${JSON.stringify(result.errors)}`);
  return result.definition;
}

/** Compiles the trigger -> end scenario, the baseline of the simulation. */
export function compileTriggerEndScenario(): CompiledDefinition {
  const result = compile(TRIGGER_END, { templates: [], ruleSets: [] });
  if (!result.ok)
    throw new Error(
      `the trigger -> end scenario does not compile: ${JSON.stringify(result.errors)}`,
    );
  return result.definition;
}
