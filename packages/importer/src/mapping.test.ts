import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadMapping } from './load-mapping';
import { parseMapping } from './mapping';
import { MappingError } from './mapping-error';

function issuesOf(json: unknown) {
  try {
    parseMapping(json);
  } catch (error) {
    if (error instanceof MappingError) return error.issues;
    throw error;
  }
  throw new Error('expected a MappingError');
}

describe('parseMapping', () => {
  test('applies defaults', () => {
    expect(parseMapping({})).toEqual({ columns: {}, defaultCurrency: 'EUR' });
  });

  test('reads every setting', () => {
    const mapping = parseMapping({
      columns: { invoiceNumber: 'Pièce', amount: 'Net' },
      dateFormat: { issueDate: 'DD.MM.YYYY' },
      decimalSeparator: ',',
      delimiter: '\t',
      defaultCurrency: 'chf',
      country: ' CH ',
    });

    expect(mapping).toEqual({
      columns: { invoiceNumber: 'Pièce', amount: 'Net' },
      dateFormat: { issueDate: 'DD.MM.YYYY' },
      decimalSeparator: ',',
      delimiter: '\t',
      defaultCurrency: 'CHF',
      country: 'CH',
    });
  });

  test('names unknown keys and fields', () => {
    expect(issuesOf({ colums: {} })).toEqual([
      {
        path: '',
        message:
          'unknown key "colums"; expected one of "columns", "dateFormat", "decimalSeparator", ' +
          '"delimiter", "defaultCurrency", "country"',
      },
    ]);
    expect(issuesOf({ columns: { invoiceNo: 'No' } })[0]?.message).toMatch(
      /^unknown key "invoiceNo"; expected one of "invoiceNumber", "customerId"/,
    );
    expect(issuesOf({ dateFormat: { due: 'DD/MM/YYYY' } })[0]).toEqual({
      path: 'dateFormat',
      message:
        'unknown key "due"; expected one of "issueDate", "dueDate", "settledDate", "paperlessDate"',
    });
  });

  test('names invalid values', () => {
    expect(issuesOf({ dateFormat: 'DD/MM/YY' })[0]?.message).toMatch(
      /^"DD\/MM\/YY" is not a date format; expected one of "YYYY-MM-DD"/,
    );
    expect(issuesOf({ delimiter: '|', defaultCurrency: 'EURO', columns: { amount: '' } })).toEqual([
      { path: 'columns.amount', message: 'expected a column header' },
      { path: 'delimiter', message: '"|" is not a delimiter; expected one of ";", ",", "\\t"' },
      {
        path: 'defaultCurrency',
        message: 'expected a known ISO 4217 currency code such as EUR',
      },
    ]);
    expect(issuesOf('DD/MM/YYYY')[0]?.path).toBe('');
  });

  test('message lists every issue', () => {
    expect(() => parseMapping({ delimiter: '|' }, 'erp.json')).toThrow(
      'The mapping erp.json is invalid:\n  delimiter: "|" is not a delimiter',
    );
  });
});

describe('loadMapping', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'dunflow-mapping-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('reads a JSON file', async () => {
    const path = join(folder, 'sage.json');
    await writeFile(path, JSON.stringify({ columns: { customerId: 'Tiers' }, country: 'FR' }));

    expect(await loadMapping(path)).toEqual({
      columns: { customerId: 'Tiers' },
      defaultCurrency: 'EUR',
      country: 'FR',
    });
  });

  test('rejects invalid JSON', async () => {
    const path = join(folder, 'broken.json');
    await writeFile(path, '{ "columns": ');

    const error: unknown = await loadMapping(path).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MappingError);
    expect((error as MappingError).source).toBe(path);
    expect((error as MappingError).issues[0]?.message).toMatch(/^not valid JSON: /);
  });

  test('names the file of an invalid mapping', async () => {
    const path = join(folder, 'typo.json');
    await writeFile(path, '{ "delimeter": ";" }');

    await expect(loadMapping(path)).rejects.toThrow(`The mapping ${path} is invalid`);
  });
});
