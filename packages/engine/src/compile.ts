import { INVOICE_FACTS, Scenario } from '@dunflow/model';
import type {
  CompiledDefinition,
  FactDefinition,
  SegmentationRuleSet,
  Template,
} from '@dunflow/model';
import { buildDefinition } from './build-definition';
import type { CatalogLookups } from './build-definition';
import type { CompileError } from './compile-error';
import { checkGraph } from './graph-checks';
import { checkNode } from './node-checks';
import { indexScenario } from './scenario-index';
import { schemaErrors } from './schema-errors';

/** The templates, rule sets and facts a scenario may refer to. `facts` defaults to INVOICE_FACTS. */
export type CompileCatalog = {
  templates: readonly Template[];
  ruleSets: readonly SegmentationRuleSet[];
  facts?: readonly FactDefinition[];
};

export type CompileResult =
  { ok: true; definition: CompiledDefinition } | { ok: false; errors: CompileError[] };

/**
 * Compiles a scenario graph, as the designer or `rules/` stores it, into an immutable,
 * content-hashed definition, or returns every error found. The input is parsed with the
 * Scenario schema first. When that fails, only the schema errors are returned, because the
 * graph checks need a well-formed graph. Equal inputs compile to equal hashes, and node labels
 * and positions do not change the hash.
 */
export function compile(input: unknown, catalog: CompileCatalog): CompileResult {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) return { ok: false, errors: schemaErrors(parsed.error.issues, input) };

  const scenario = parsed.data;
  const lookups = toLookups(catalog);
  const index = indexScenario(scenario);
  const errors = [
    ...checkGraph(scenario, index, lookups.ruleSets),
    ...scenario.nodes.flatMap((node, position) =>
      checkNode({ node, index: position, path: `nodes[${position}]` }, lookups),
    ),
  ];
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, definition: buildDefinition(scenario, index, lookups) };
}

/** Indexes the catalogue by id; when ids repeat, the first entry wins. */
function toLookups(catalog: CompileCatalog): CatalogLookups {
  const byId = <T extends { id: string }>(items: readonly T[]) =>
    new Map([...items].reverse().map((item) => [item.id, item]));
  return {
    templates: byId(catalog.templates),
    ruleSets: byId(catalog.ruleSets),
    facts: catalog.facts ?? INVOICE_FACTS,
  };
}
