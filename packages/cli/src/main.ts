import { Command } from 'commander';
import { registerApiCommand } from './commands/api-command';
import { registerImportCommand } from './commands/import-command';
import { registerKpiCommand } from './commands/kpi-command';
import { registerSimulateCommand } from './commands/simulate-command';
import { registerStartCommand } from './commands/start-command';
import { registerWorkerCommand } from './commands/worker-command';
import { reportError } from './report-error';

const program = new Command('dunflow')
  .description('Dunflow: visual dunning scenarios run as durable workflows on your invoice book')
  .showHelpAfterError();

registerImportCommand(program);
registerSimulateCommand(program);
registerKpiCommand(program);
registerStartCommand(program);
registerWorkerCommand(program);
registerApiCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  reportError(error);
  process.exitCode = 1;
}
