import { bundleWorkflowCode } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { WORKFLOWS_PATH } from '../worker/create-worker';

describe('workflow bundle', () => {
  it('bundles without Node built-ins or the rule engine', async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      logger: quietLogger,
    });
    // Boolean checks keep a failure from printing the whole bundle.
    expect(code.includes('dunningWorkflow')).toBe(true);
    expect(code.includes('node_modules/json-rules-engine/')).toBe(false);
    expect(code.includes('node_modules/jsonpath-plus/')).toBe(false);
  });
});

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
