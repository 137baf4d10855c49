import { describe, expect, it, test } from 'vitest';
import { parseDate, type DateFormat } from './date-format';
import { detectColumnDateFormat, detectDateFormats } from './detect-date-formats';
import { ImportFileError } from './import-file-error';

describe('parseDate', () => {
  test.each<[string, DateFormat, string]>([
    ['2024-01-31', 'YYYY-MM-DD', '2024-01-31'],
    ['2024-1-5', 'YYYY-MM-DD', '2024-01-05'],
    ['2024-01-31 00:00:00', 'YYYY-MM-DD', '2024-01-31'],
    ['2024-01-31T10:15:00Z', 'YYYY-MM-DD', '2024-01-31'],
    ['31/01/2024', 'DD/MM/YYYY', '2024-01-31'],
    ['5/1/2024', 'DD/MM/YYYY', '2024-01-05'],
    ['31.01.2024', 'DD.MM.YYYY', '2024-01-31'],
    ['31-01-2024', 'DD-MM-YYYY', '2024-01-31'],
    ['1/31/2024', 'MM/DD/YYYY', '2024-01-31'],
    ['1/31/2024 0:00', 'MM/DD/YYYY', '2024-01-31'],
    ['29/02/2024', 'DD/MM/YYYY', '2024-02-29'],
  ])('%s as %s', (text, format, expected) => {
    expect(parseDate(text, format)).toEqual({ ok: true, value: expected });
  });

  test.each<[string, DateFormat, string]>([
    ['29/02/2023', 'DD/MM/YYYY', "'29/02/2023' is not a calendar date in the format DD/MM/YYYY"],
    ['31/01/2024', 'MM/DD/YYYY', "'31/01/2024' is not a calendar date in the format MM/DD/YYYY"],
    [
      '31.01.2024',
      'DD/MM/YYYY',
      "'31.01.2024' is not a date in the format DD/MM/YYYY, e.g. 31/01/2024",
    ],
    ['31/01/24', 'DD/MM/YYYY', "'31/01/24' has the year '24'; write the year with four digits"],
    ['soon', 'YYYY-MM-DD', "'soon' is not a date in the format YYYY-MM-DD, e.g. 2024-01-31"],
  ])('%s as %s is invalid', (text, format, reason) => {
    expect(parseDate(text, format)).toEqual({ ok: false, reason });
  });
});

describe('detectColumnDateFormat', () => {
  test('a first part over 12 proves day-first', () => {
    expect(detectColumnDateFormat(['01/02/2024', '13/02/2024'])).toEqual({
      kind: 'detected',
      format: 'DD/MM/YYYY',
    });
  });

  test('a second part over 12 proves month-first', () => {
    expect(detectColumnDateFormat(['1/2/2013', '1/26/2013', '2/1/2013'])).toEqual({
      kind: 'detected',
      format: 'MM/DD/YYYY',
    });
  });

  test('ISO dates', () => {
    expect(detectColumnDateFormat(['2024-01-02', 'n/a'])).toEqual({
      kind: 'detected',
      format: 'YYYY-MM-DD',
    });
  });

  test('the main separator wins', () => {
    expect(detectColumnDateFormat(['01.02.2024', '13.02.2024', '14/02/2024'])).toEqual({
      kind: 'detected',
      format: 'DD.MM.YYYY',
    });
  });

  test('dates that read both ways', () => {
    expect(detectColumnDateFormat(['01/02/2024', '03/04/2024'])).toEqual({
      kind: 'ambiguous',
      separator: '/',
      example: '01/02/2024',
    });
  });

  test('no dates', () => {
    expect(detectColumnDateFormat([])).toEqual({ kind: 'noDates' });
  });
});

describe('detectDateFormats', () => {
  const ambiguous = { header: 'Due', values: ['01/02/2024'] };
  const dayFirst = { header: 'Date', values: ['13/01/2024'] };

  test('an ambiguous column follows another column', () => {
    expect(detectDateFormats({ issueDate: dayFirst, dueDate: ambiguous }, {}, 'en')).toEqual({
      issueDate: 'DD/MM/YYYY',
      dueDate: 'DD/MM/YYYY',
    });
  });

  test('an ambiguous column follows the French locale', () => {
    expect(detectDateFormats({ dueDate: ambiguous }, {}, 'fr')).toEqual({ dueDate: 'DD/MM/YYYY' });
  });

  test('a fixed format wins over the values', () => {
    expect(detectDateFormats({ issueDate: dayFirst }, { issueDate: 'MM/DD/YYYY' }, 'fr')).toEqual({
      issueDate: 'MM/DD/YYYY',
    });
  });

  test('an empty column takes a known format', () => {
    const empty = { header: 'Paid', values: [] };
    expect(detectDateFormats({ issueDate: dayFirst, settledDate: empty }, {}, undefined)).toEqual({
      issueDate: 'DD/MM/YYYY',
      settledDate: 'DD/MM/YYYY',
    });
  });

  test('an ambiguous English column fails', () => {
    expect(() => detectDateFormats({ dueDate: ambiguous }, {}, 'en')).toThrow(ImportFileError);
    expect(() => detectDateFormats({ dueDate: ambiguous }, {}, undefined)).toThrow(
      /column 'Due' \(e\.g\. '01\/02\/2024'\)/,
    );
  });
});

describe('parseDate range', () => {
  it('rejects a year before 1900', () => {
    const parsed = parseDate('15/11/1800', 'DD/MM/YYYY');
    expect(parsed.ok).toBe(false);
  });

  it('rejects a year after 2199', () => {
    const parsed = parseDate('9999-12-31', 'YYYY-MM-DD');
    expect(parsed).toEqual({
      ok: false,
      reason:
        "'9999-12-31' is outside the supported range 1900-01-01 to 2199-12-31; check the year",
    });
  });
});
