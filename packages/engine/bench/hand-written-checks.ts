import type { FactValues } from '@dunflow/model';
import { isIsoDate } from '../src/rules/iso-date';
import { handWrittenSegment } from './hand-written-segment';

/**
 * handWrittenSegment after a hand-written check of every INVOICE_FACTS value, the same check
 * that compiled evaluators make. It shows how much of their time the checks take. Unlike them,
 * it raises a plain Error that names the fact.
 */
export function checkedHandWrittenSegment(values: FactValues): string {
  const f = values;
  if (!isNumber(f['amount']) || !isNumber(f['openAmount']) || !isString(f['currency'])) {
    throw new Error('amount, openAmount or currency has the wrong type');
  }
  if (!isDate(f['issueDate']) || !isDate(f['dueDate']) || !isNumber(f['daysPastDue'])) {
    throw new Error('issueDate, dueDate or daysPastDue has the wrong type');
  }
  if (!isBoolean(f['disputed']) || !isString(f['customerId']) || !isString(f['countryCode'])) {
    throw new Error('disputed, customerId or countryCode has the wrong type');
  }
  if (!isString(f['channel']) || !isString(f['language']) || !isNumber(f['customerOpenAmount'])) {
    throw new Error('channel, language or customerOpenAmount has the wrong type');
  }
  if (
    !isNumber(f['customerOverdueCount']) ||
    !isNumber(f['remindersSent']) ||
    !isNumber(f['brokenPromises'])
  ) {
    throw new Error('customerOverdueCount, remindersSent or brokenPromises has the wrong type');
  }
  return handWrittenSegment(values);
}

function isNumber(value: unknown): boolean {
  return value == null || (typeof value === 'number' && Number.isFinite(value));
}

function isString(value: unknown): boolean {
  return value == null || typeof value === 'string';
}

function isBoolean(value: unknown): boolean {
  return value == null || typeof value === 'boolean';
}

function isDate(value: unknown): boolean {
  return value == null || (typeof value === 'string' && isIsoDate(value));
}
