/**
 * Completes in its first workflow task, as the baseline of the workflow start rate. Only the
 * benchmark's baseline worker bundles this file.
 */
export function noopWorkflow(): Promise<void> {
  return Promise.resolve();
}
