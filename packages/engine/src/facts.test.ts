import { INVOICE_FACTS } from '@dunflow/model';
import type { Customer, Invoice } from '@dunflow/model';
import { describe, expect, test } from 'vitest';
import { FactInputError } from './fact-input-error';
import { computeFacts } from './facts';
import type { FactInput } from './facts';

const invoice: Invoice = {
  id: 'INV-0042',
  customerId: '000123',
  issueDate: '2026-01-15',
  dueDate: '2026-02-14',
  amountMinor: 123_456,
  currency: 'EUR',
  disputed: false,
};

const customer: Customer = {
  id: '000123',
  countryCode: 'FR',
  language: 'fr',
  channel: 'electronic',
};

function input(overrides: Partial<FactInput> = {}): FactInput {
  return {
    invoice,
    customer,
    asOf: '2026-03-01',
    openAmountMinor: 1234,
    customerOpenAmountMinor: 500_001,
    customerOverdueCount: 3,
    remindersSent: 2,
    brokenPromises: 1,
    ...overrides,
  };
}

describe('computeFacts', () => {
  test('produces every catalogue fact', () => {
    const names = INVOICE_FACTS.map((fact) => fact.name).sort();
    expect(Object.keys(computeFacts(input())).sort()).toEqual(names);
  });

  test('gives every value its fact type', () => {
    const facts = computeFacts(input());
    for (const fact of INVOICE_FACTS) {
      const expected = fact.type === 'date' ? 'string' : fact.type;
      expect(typeof facts[fact.name], fact.name).toBe(expected);
    }
  });

  test('computes each fact', () => {
    expect(computeFacts(input())).toEqual({
      amount: 1234.56,
      openAmount: 12.34,
      currency: 'EUR',
      issueDate: '2026-01-15',
      dueDate: '2026-02-14',
      daysPastDue: 15,
      disputed: false,
      customerId: '000123',
      countryCode: 'FR',
      channel: 'electronic',
      language: 'fr',
      customerOpenAmount: 5000.01,
      customerOverdueCount: 3,
      remindersSent: 2,
      brokenPromises: 1,
    });
  });

  test.each([
    [1, '0.01'],
    [7, '0.07'],
    [10, '0.1'],
    [29, '0.29'],
    [1234, '12.34'],
    [100_001, '1000.01'],
    [999_999_999, '9999999.99'],
  ])('converts %d cents exactly', (minor, major) => {
    expect(String(computeFacts(input({ openAmountMinor: minor }))['openAmount'])).toBe(major);
  });

  test('uses the minor unit of the currency', () => {
    const yen = computeFacts(
      input({ invoice: { ...invoice, currency: 'JPY' }, openAmountMinor: 1234 }),
    );
    const dinar = computeFacts(
      input({ invoice: { ...invoice, currency: 'KWD' }, openAmountMinor: 1234 }),
    );
    expect(yen['openAmount']).toBe(1234);
    expect(dinar['openAmount']).toBe(1.234);
  });

  test.each([
    ['2026-02-14', 0],
    ['2026-02-13', -1],
    ['2026-01-15', -30],
    ['2026-03-14', 28],
    ['2027-02-14', 365],
  ])('counts days past due on %s', (asOf, days) => {
    expect(computeFacts(input({ asOf }))['daysPastDue']).toBe(days);
  });

  test('counts a leap day', () => {
    const leap = { ...invoice, dueDate: '2028-02-28' };
    expect(computeFacts(input({ invoice: leap, asOf: '2028-03-01' }))['daysPastDue']).toBe(2);
  });

  test('gives null for a missing customer', () => {
    const facts = computeFacts({ ...input(), customer: undefined } as unknown as FactInput);
    expect(facts['countryCode']).toBeNull();
    expect(facts['channel']).toBeNull();
    expect(facts['language']).toBeNull();
    expect(facts['customerId']).toBe('000123');
  });

  test('gives null for missing customer fields', () => {
    const facts = computeFacts(input({ customer: { id: '000123', countryCode: 'BE' } }));
    expect(facts['countryCode']).toBe('BE');
    expect(facts['channel']).toBeNull();
    expect(facts['language']).toBeNull();
  });

  test.each([
    ['openAmountMinor', { openAmountMinor: 12.5 }],
    ['customerOpenAmountMinor', { customerOpenAmountMinor: -1 }],
    ['remindersSent', { remindersSent: Number.NaN }],
    ['asOf', { asOf: '2026-02-30' }],
  ])('rejects an invalid %s', (field, overrides) => {
    expect(() => computeFacts(input(overrides))).toThrow(FactInputError);
    expect(() => computeFacts(input(overrides))).toThrow(`fact input ${field} is`);
  });
});
