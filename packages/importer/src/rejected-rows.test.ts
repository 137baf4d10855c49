import { describe, expect, test } from 'vitest';
import type { RejectedField } from './import-result';
import { parseBook } from './parse-book';

const COLUMNS = {
  invoiceNumber: 'Invoice Number',
  customerId: 'Customer ID',
  customerName: 'Customer Name',
  customerEmail: 'Email',
  customerPhone: 'Phone',
  customerLanguage: 'Language',
  countryCode: 'Country',
  issueDate: 'Invoice Date',
  dueDate: 'Due Date',
  amount: 'Amount',
  currency: 'Currency',
  disputed: 'Disputed',
  settledDate: 'Settled Date',
  channel: 'Paperless Bill',
  paperlessDate: 'Paperless Date',
  daysToSettle: 'Days to Settle',
  daysLate: 'Days Late',
} as const;
type Row = Record<keyof typeof COLUMNS, string>;

/** A valid row: settled 40 days after issue and 10 days after the due date. */
const GOOD_ROW: Row = {
  invoiceNumber: 'INV-0',
  customerId: 'C1',
  customerName: 'Acme Ltd',
  customerEmail: 'ap@acme.test',
  customerPhone: '+44 20 7946 0000',
  customerLanguage: 'en-GB',
  countryCode: 'GB',
  issueDate: '2024-01-10',
  dueDate: '2024-02-09',
  amount: '100.00',
  currency: 'GBP',
  disputed: 'No',
  settledDate: '2024-02-19',
  channel: 'Electronic',
  paperlessDate: '2023-12-01',
  daysToSettle: '40',
  daysLate: '10',
};

/** Builds a file of the good row (line 2) followed by one row per override (lines 3, 4, …). */
function fileOf(...overrides: Partial<Row>[]): string {
  const rows = overrides.map((override, index) => ({
    ...GOOD_ROW,
    invoiceNumber: `INV-${index + 1}`,
    ...override,
  }));
  const lines = [GOOD_ROW, ...rows].map((row) => Object.values(row).join(','));
  return [Object.values(COLUMNS).join(','), ...lines].join('\n');
}

function rejectedFor(override: Partial<Row>): RejectedField[] {
  const result = parseBook(fileOf(override));
  expect(result.rows).toEqual({ total: 2, accepted: 1, rejected: 1 });
  expect(result.invoices.map((invoice) => invoice.id)).toEqual(['INV-0']);
  return result.rejected;
}

function entry(field: keyof Row, value: string, reason: string): RejectedField {
  return { line: 3, field, column: COLUMNS[field], value, reason };
}

describe('rejected rows', () => {
  test('good rows pass', () => {
    const result = parseBook(fileOf({}));

    expect(result.rejected).toEqual([]);
    expect(result.customers).toEqual([
      {
        id: 'C1',
        countryCode: 'GB',
        name: 'Acme Ltd',
        email: 'ap@acme.test',
        phone: '+44 20 7946 0000',
        language: 'en-GB',
        paperlessDate: '2023-12-01',
        channel: 'electronic',
      },
    ]);
  });

  const cases: [string, Partial<Row>, RejectedField[]][] = [
    [
      'empty invoice number',
      { invoiceNumber: '' },
      [
        entry(
          'invoiceNumber',
          '',
          'Invoice Number is empty; every invoice needs an invoice number',
        ),
      ],
    ],
    [
      'empty customer',
      { customerId: ' ' },
      [entry('customerId', ' ', 'Customer ID is empty; every invoice needs a customer')],
    ],
    [
      'reference too long',
      { customerId: 'C'.repeat(201) },
      [entry('customerId', 'C'.repeat(201), `'${'C'.repeat(40)}…' is longer than 200 characters`)],
    ],
    [
      'empty country',
      { countryCode: '' },
      [
        entry(
          'countryCode',
          '',
          'Country is empty; set "country" in the mapping for rows without one',
        ),
      ],
    ],
    [
      'month 13',
      { issueDate: '2024-13-01', daysToSettle: '', daysLate: '' },
      [
        entry(
          'issueDate',
          '2024-13-01',
          "'2024-13-01' is not a calendar date in the format YYYY-MM-DD",
        ),
      ],
    ],
    [
      'date in another format',
      { dueDate: '09/02/2024' },
      [
        entry(
          'dueDate',
          '09/02/2024',
          "'09/02/2024' is not a date in the format YYYY-MM-DD, e.g. 2024-01-31",
        ),
      ],
    ],
    [
      'two-digit year',
      { paperlessDate: '23-12-01' },
      [
        entry(
          'paperlessDate',
          '23-12-01',
          "'23-12-01' has the year '23'; write the year with four digits",
        ),
      ],
    ],
    [
      'empty amount',
      { amount: '' },
      [entry('amount', '', 'Amount is empty; every invoice needs an amount')],
    ],
    [
      'amount in words',
      { amount: 'twelve' },
      [entry('amount', 'twelve', "'twelve' is not an amount; expected digits, e.g. 1,234.56")],
    ],
    [
      'amount with the other decimal separator',
      { amount: '"100,5"' },
      [
        entry(
          'amount',
          '100,5',
          "'100,5' is not an amount with '.' as decimal separator (e.g. 1,234.56); if the " +
            'file uses the other one, set "decimalSeparator" in the mapping',
        ),
      ],
    ],
    [
      'negative amount',
      { amount: '-100.00' },
      [
        entry(
          'amount',
          '-100.00',
          "'-100.00' is negative: credit notes are not imported yet, so remove the row or " +
            'import the credit as a payment on the invoice it reduces',
        ),
      ],
    ],
    [
      'amount in parentheses',
      { amount: '(100.00)' },
      [
        entry(
          'amount',
          '(100.00)',
          "'(100.00)' is negative: credit notes are not imported yet, so remove the row or " +
            'import the credit as a payment on the invoice it reduces',
        ),
      ],
    ],
    [
      'more decimals than the currency',
      { amount: '100.005' },
      [entry('amount', '100.005', "'100.005' has 3 decimals, but GBP has 2")],
    ],
    [
      'unknown currency code in the amount',
      { amount: '100.00 ABC' },
      [
        entry(
          'amount',
          '100.00 ABC',
          "'100.00 ABC' contains 'ABC', which is not an ISO 4217 currency code",
        ),
      ],
    ],
    [
      'unknown currency',
      { currency: 'XXY' },
      [entry('currency', 'XXY', "'XXY' is not an ISO 4217 currency code such as EUR, USD or GBP")],
    ],
    [
      'amount in another currency',
      { amount: '€100.00' },
      [entry('amount', '€100.00', "'€100.00' is in EUR, but the row's currency is GBP")],
    ],
    [
      'disputed not yes or no',
      { disputed: 'maybe' },
      [
        entry(
          'disputed',
          'maybe',
          "'maybe' is not a yes/no value; use Yes/No, Oui/Non, Sí/No, true/false or 1/0",
        ),
      ],
    ],
    [
      'invalid e-mail',
      { customerEmail: 'ap(at)acme' },
      [entry('customerEmail', 'ap(at)acme', "'ap(at)acme' is not an e-mail address")],
    ],
    [
      'invalid phone',
      { customerPhone: 'call us' },
      [
        entry(
          'customerPhone',
          'call us',
          "'call us' is not a phone number; use digits, spaces and an optional leading +",
        ),
      ],
    ],
    [
      'invalid language',
      { customerLanguage: '12345' },
      [
        entry(
          'customerLanguage',
          '12345',
          "'12345' is not a language tag; use a BCP 47 tag such as fr, en or es-ES",
        ),
      ],
    ],
    [
      'unknown channel',
      { channel: 'fax' },
      [entry('channel', 'fax', "'fax' is not a billing channel; use Paper or Electronic")],
    ],
    [
      'due before issue',
      { dueDate: '2024-01-09', daysLate: '41' },
      [entry('dueDate', '2024-01-09', '2024-01-09 is before the Invoice Date 2024-01-10')],
    ],
    [
      'days to settle disagrees',
      { daysToSettle: '41' },
      [
        entry(
          'daysToSettle',
          '41',
          'Days to Settle is 41, but the dates give 40 (from Invoice Date 2024-01-10 to ' +
            'Settled Date 2024-02-19)',
        ),
      ],
    ],
    [
      'days late disagrees',
      { daysLate: '3' },
      [
        entry(
          'daysLate',
          '3',
          'Days Late is 3, but the dates give 10 (Settled Date 2024-02-19 minus Due Date ' +
            '2024-02-09, at least 0)',
        ),
      ],
    ],
    [
      'days late not a number',
      { daysLate: 'ten' },
      [entry('daysLate', 'ten', "'ten' is not a whole number of days")],
    ],
    [
      'settled before issue',
      { settledDate: '2024-01-05' },
      [
        entry('settledDate', '2024-01-05', '2024-01-05 is before the Invoice Date 2024-01-10'),
        entry(
          'daysToSettle',
          '40',
          'Days to Settle is 40, but the dates give -5 (from Invoice Date 2024-01-10 to ' +
            'Settled Date 2024-01-05)',
        ),
        entry(
          'daysLate',
          '10',
          'Days Late is 10, but the dates give 0 (Settled Date 2024-01-05 minus Due Date ' +
            '2024-02-09, at least 0)',
        ),
      ],
    ],
    [
      'several bad fields',
      { amount: 'x1', disputed: 'perhaps' },
      [
        entry(
          'amount',
          'x1',
          "'x1' is not an amount with '.' as decimal separator (e.g. " +
            '1,234.56); if the file uses the other one, set "decimalSeparator" in the mapping',
        ),
        entry(
          'disputed',
          'perhaps',
          "'perhaps' is not a yes/no value; use Yes/No, Oui/Non, Sí/No, true/false or 1/0",
        ),
      ],
    ],
    [
      'duplicate invoice number',
      { invoiceNumber: 'INV-0' },
      [entry('invoiceNumber', 'INV-0', 'invoice INV-0 already appears on line 2')],
    ],
    [
      'customer with another country',
      { countryCode: 'FR' },
      [
        entry(
          'countryCode',
          'FR',
          'customer C1 has the country FR here but GB on line 2; one customer has one country',
        ),
      ],
    ],
    [
      'too many fields',
      { customerName: 'Acme, Ltd' },
      [
        {
          line: 3,
          field: 'row',
          value: '18',
          reason:
            'the row has 18 fields but the header has 17; a value probably contains the ' +
            'delimiter or a line break without quotes around it',
        },
      ],
    ],
  ];

  test.each(cases)('%s', (_name, override, expected) => {
    expect(rejectedFor(override)).toEqual(expected);
  });

  test('every rejected row is counted once', () => {
    const overrides = cases.map(([, override]) => override);
    const result = parseBook(fileOf(...overrides));
    const lines = new Set(result.rejected.map((rejected) => rejected.line));

    expect(result.rows.total).toBe(overrides.length + 1);
    expect(result.rows.rejected).toBe(lines.size);
    expect(result.rows.accepted + result.rows.rejected).toBe(result.rows.total);
    expect(result.invoices).toHaveLength(result.rows.accepted);
  });

  test('IBM row with wrong days late', () => {
    const text = [
      'countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,' +
        'Disputed,SettledDate,PaperlessBill,DaysToSettle,DaysLate',
      '406,8976-AMJEO,3/3/2012,0007900770,1/26/2013,2/25/2013,61.74,Yes,3/3/2013,Electronic,36,5',
    ].join('\n');

    expect(parseBook(text).rejected).toEqual([
      {
        line: 2,
        field: 'daysLate',
        column: 'DaysLate',
        value: '5',
        reason:
          'DaysLate is 5, but the dates give 6 (SettledDate 2013-03-03 minus DueDate ' +
          '2013-02-25, at least 0)',
      },
    ]);
  });
});
