/*
 * The part of the engine that Temporal workflow code may import: the interpreter, the calendar
 * and the run view. None of it imports Node built-ins, json-rules-engine or the compiler's rule
 * evaluator, or reads the clock or randomness.
 */
export { startRun, stepRun } from './interpreter';
export { InterpreterError } from './interpreter-error';
export { describeRun, type NextAction, type RunView } from './run-view';
export type {
  ActionEntry,
  ActionType,
  Continuation,
  PauseReason,
  PromiseState,
  RunContext,
  RunOutcome,
  RunPosition,
  RunState,
  RunStatus,
  TimerPosition,
  TimerPurpose,
  Transition,
} from './run-state';
export {
  addBusinessDays,
  addDays,
  applyDelay,
  dateOf,
  daysBetween,
  isBusinessDay,
  isoWeekday,
  startOfDay,
  type DelayCalendar,
} from './calendar';
export { CalendarError } from './calendar-error';
