import { z } from 'zod';
import { CompiledDefinition } from './definition';
import { Customer, Invoice, Payment } from './invoice';
import { Command, InterpreterEvent } from './protocol';
import { Scenario } from './scenario';
import { SegmentationRuleSet } from './segmentation';
import { Template } from './template';

/** The schemas published as JSON Schema, by file name stem. */
export const PUBLISHED_SCHEMAS = {
  scenario: Scenario,
  segmentation: SegmentationRuleSet,
  template: Template,
  definition: CompiledDefinition,
  invoice: Invoice,
  customer: Customer,
  payment: Payment,
  event: InterpreterEvent,
  command: Command,
} as const;

export type PublishedSchemaName = keyof typeof PUBLISHED_SCHEMAS;

/** Converts a published schema to JSON Schema (draft 2020-12), describing accepted input. */
export function toJsonSchema(name: PublishedSchemaName): Record<string, unknown> {
  return z.toJSONSchema(PUBLISHED_SCHEMAS[name], { io: 'input', unrepresentable: 'any' });
}
