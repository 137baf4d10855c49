import { Command } from 'commander';
import { registerApiCommand } from './commands/api-command';
import { registerDiffCommand } from './commands/diff-command';
import { registerImportCommand } from './commands/import-command';
import { registerKpiCommand } from './commands/kpi-command';
import { registerPublishCommand } from './commands/publish-command';
import { registerPullCommand } from './commands/pull-command';
import { registerSchemasCommand } from './commands/schemas-command';
import { registerSimulateCommand } from './commands/simulate-command';
import { registerStartCommand } from './commands/start-command';
import { registerValidateCommand } from './commands/validate-command';
import { registerWorkerCommand } from './commands/worker-command';
import { reportError } from './report-error';

const program = new Command('dunflow')
  .description('Dunflow: visual dunning scenarios run as durable workflows on your invoice book')
  .showHelpAfterError();

registerImportCommand(program);
registerSimulateCommand(program);
registerKpiCommand(program);
registerValidateCommand(program);
registerDiffCommand(program);
registerSchemasCommand(program);
registerPublishCommand(program);
registerPullCommand(program);
registerStartCommand(program);
registerWorkerCommand(program);
registerApiCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  reportError(error);
  process.exitCode = 1;
}
