import type { TestProject } from 'vitest/node';
import { startTemporalDevServer, type TemporalDevServer } from '@dunflow/runtime';
import type {} from '@dunflow/runtime/testing';

let server: TemporalDevServer | undefined;

/** Starts one Temporal dev server for the whole test run; every test file shares it. */
export async function setup(project: TestProject): Promise<void> {
  server = await startTemporalDevServer();
  project.provide('temporalAddress', server.address);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
