import { describe, expect, test } from 'vitest';
import { readCsvRecords } from './csv-records';
import { detectDelimiter } from './detect-delimiter';
import { ImportFileError } from './import-file-error';

describe('readCsvRecords', () => {
  test('numbers physical lines', () => {
    const text = 'a;b\r\n1;"x\r\ny;z"\r\n\r\n2;"say ""hi"""\r\n3;4';

    expect(readCsvRecords(text, ';')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x\r\ny;z'] },
      { line: 4, fields: [''] },
      { line: 5, fields: ['2', 'say "hi"'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });

  test('counts LF, CRLF and lone CR', () => {
    const lines = (text: string) => readCsvRecords(text, ',').map((record) => record.line);

    expect(lines('a\nb\n"c\nd"\ne\n')).toEqual([1, 2, 3, 5]);
    expect(lines('a\rb\rc')).toEqual([1, 2, 3]);
    expect(lines('a\r\nb\nc\rd\r\n"e\nf"\r\ng')).toEqual([1, 2, 3, 4, 5, 7]);
  });

  test('counts lines after multi-byte characters', () => {
    const records = readCsvRecords('é;"ü\nö"\n€;x\n', ';');

    expect(records.map((record) => record.line)).toEqual([1, 3]);
  });

  test('raises on an unclosed quote', () => {
    expect(() => readCsvRecords('a;b\n1;"open\n', ';')).toThrow(ImportFileError);
  });
});

describe('detectDelimiter', () => {
  test.each([
    ['N° facture;Montant;Date', ';'],
    ['Invoice,Amount,Date', ','],
    ['Invoice\tAmount\tDate', '\t'],
    ['"Montant, TTC";Date;Client\n1,5;2;3', ';'],
  ])('%j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  test('a single column fails', () => {
    expect(() => detectDelimiter('Invoice\n1')).toThrow(/contains no ';', ',' or tab/);
  });
});

describe('Excel separator line', () => {
  test('names the delimiter', () => {
    expect(detectDelimiter('sep=,\r\nMontant;Date;Client,Pays\r\n')).toBe(',');
  });
});
