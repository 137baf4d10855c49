import { z } from 'zod';
import { currentDefinition, listVersions, publishDefinition } from '@dunflow/db';
import { compile, type CompileError } from '@dunflow/engine';
import { LocalDate } from '@dunflow/model';
import { allOpenInvoices } from '../services/open-invoices';
import { startEligibleRuns } from '../services/start-runs';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { ApiError, notFound } from './api-error';
import { todayOf } from './clock';
import { parseJsonBody, parseQuery, readJson } from './request-input';

const PublishQuery = z.strictObject({
  /** The git commit of the `rules/` file the scenario comes from, for the version history. */
  sourceCommit: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/, 'expected a git commit id in lower-case hex')
    .optional(),
});

const RunsBody = z.strictObject({ asOf: LocalDate.optional() });

/** Adds the scenario routes: publish, list versions, and start runs on the open book. */
export function registerScenarioRoutes(app: ApiApp, deps: ApiDependencies): void {
  app.post('/scenarios', async (c) => {
    const { sourceCommit } = parseQuery(c, PublishQuery);
    const scenario = await readJson(c);
    const result = compile(scenario, deps.catalog);
    if (!result.ok) throw compileFailure(scenario, result.errors);
    const { version, created } = await publishDefinition(deps.db, result.definition, sourceCommit);
    deps.logger.info(
      { scenarioId: version.scenarioId, hash: version.hash, created },
      'scenario published',
    );
    return c.json({ ...version, created }, created ? 201 : 200);
  });

  app.get('/scenarios/:id/versions', async (c) => {
    const scenarioId = c.req.param('id');
    const versions = await listVersions(deps.db, scenarioId);
    if (versions.length === 0) throw noVersion(scenarioId);
    return c.json({ scenarioId, versions });
  });

  app.post('/scenarios/:id/runs', async (c) => {
    const scenarioId = c.req.param('id');
    const body = await parseJsonBody(c, RunsBody, true);
    const asOf = body.asOf ?? todayOf(deps);
    const definition = await currentDefinition(deps.db, scenarioId);
    if (definition === undefined) throw noVersion(scenarioId);
    const open = await allOpenInvoices(deps.db, asOf);
    const report = await startEligibleRuns(deps, definition, open, asOf);
    const counts = {
      open: open.length,
      started: report.started.length,
      alreadyStarted: report.alreadyStarted.length,
      notEligible: report.notEligible.length,
    };
    return c.json({ scenarioId, asOf, ...report, counts });
  });
}

function noVersion(scenarioId: string): ApiError {
  return notFound('scenario', scenarioId, 'publish it first with POST /scenarios');
}

/** Builds a 422 with the compile errors unchanged, so the designer shows them on their nodes. */
function compileFailure(scenario: unknown, errors: readonly CompileError[]): ApiError {
  const id = z.object({ id: z.string() }).safeParse(scenario).data?.id;
  const subject = id === undefined ? 'the scenario' : `scenario '${id}'`;
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  const first = errors[0]?.message ?? '';
  return new ApiError(
    422,
    'scenarioInvalid',
    `${subject} does not compile (${count}); the first: ${first}`,
    {
      fix: 'fix every error listed in issues, then publish again',
      issues: errors,
      ...(id === undefined ? {} : { ids: { scenarioId: id } }),
    },
  );
}
