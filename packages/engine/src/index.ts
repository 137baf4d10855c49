export { canonicalJson } from './canonical-json';
export { CanonicalJsonError } from './canonical-json-error';
export { contentHash } from './content-hash';
export { parseDelay } from './delay';
export type { DelayParseResult } from './delay';
export { compile } from './compile';
export type { CompileCatalog, CompileResult } from './compile';
export type { CompileError } from './compile-error';
export { checkCondition, checkRuleSet } from './rule-checks';
export { closestName } from './closest-name';
export type { RuleIssue } from './rule-checks';
export { operatorsFor } from './fact-type-rules';
export { computeFacts } from './facts';
export type { FactInput } from './facts';
export { FactInputError } from './fact-input-error';
export { currencyDigits, toMajorUnits } from './currency-digits';
export { evaluateCondition } from './rule-evaluator';
export { segmentOf } from './segment';
export { FactValueError } from './fact-value-error';
export { InvalidRuleError } from './invalid-rule-error';
export * from './kpi';
export * from './interpreter-entry';
export { simulate } from './simulator';
export type { Evaluator, SimulationBook, SimulationOptions } from './simulator';
export type {
  InvoiceReport,
  NodeReport,
  SimulationReport,
  SimulationTotals,
  TimelineEntry,
} from './simulator-report';
export { SimulationError } from './simulator-error';
export { compileCondition } from './rules/compile-condition';
export { compileRuleSet } from './rules/compile-rule-set';
export type { CompileRuleOptions } from './rules/compile-options';
export { compiledEvaluator } from './rules/compiled-evaluator';
export { explainSegment } from './rules/explain-segment';
export type {
  ConditionTrace,
  Distance,
  GroupTrace,
  LeafTrace,
  NotTrace,
  SegmentExplanation,
  SegmentTrace,
} from './rules/explanation';
