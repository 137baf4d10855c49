import type { Environment } from './environment';
import type { Measurement } from './measurement';
import type { RunPlan } from './runs';

/** Everything the results page shows about one run of the benchmark. */
export interface BenchResults {
  /** When the run started, as an ISO 8601 instant. */
  startedAt: string;
  durationSeconds: number;
  environment: Environment;
  loadBefore: string;
  loadAfter: string;
  plans: { fast: RunPlan; temporal: RunPlan };
  /** The labels of the two books, as the `input` column shows them. */
  books: { sample: string; large: string };
  simulationInputs: { sample: string; large: string };
  workflowInputs: string[];
  imports: Measurement[];
  simulations: Measurement[];
  workflows: Measurement[];
}
