export { dunningWorkflow } from './dunning-workflow';
