import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadMapping } from './load-mapping';
import { readBookFile } from './read-book-file';

describe('readBookFile', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'dunflow-import-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('reads Windows-1252 bytes', async () => {
    const text =
      'N° facture;Client;Pays;Date;Échéance;Montant\r\nF1;Société Générale;FR;02/01/2024;01/02/2024;10,00\r\n';
    const path = join(folder, 'latin.csv');
    await writeFile(path, Buffer.from(text, 'latin1'));

    const result = await readBookFile(path);

    expect(result.detected.encoding).toBe('windows-1252');
    expect(result.detected.columns.invoiceNumber).toBe('N° facture');
    expect(result.invoices[0]?.customerId).toBe('Société Générale');
  });

  test('reads UTF-8 with a byte-order mark', async () => {
    const text =
      '\ufeffFactura;Cliente;País;Fecha;Vencimiento;Importe\nA1;B1;ES;13/01/2024;12/02/2024;1.000\n';
    const path = join(folder, 'utf8.csv');
    await writeFile(path, text, 'utf8');

    const result = await readBookFile(path);

    expect(result.detected.encoding).toBe('utf-8');
    expect(result.detected.columns.invoiceNumber).toBe('Factura');
    expect(result.invoices[0]?.amountMinor).toBe(100_000);
  });

  test('applies a mapping file', async () => {
    const csvPath = join(folder, 'erp.csv');
    const mappingPath = join(folder, 'erp.json');
    await writeFile(csvPath, 'Doc;Acct;Issued;Due;Gross\nD1;A1;2024-05-01;2024-05-31;5\n');
    await writeFile(
      mappingPath,
      JSON.stringify({
        columns: { invoiceNumber: 'Doc', customerId: 'Acct', issueDate: 'Issued', amount: 'Gross' },
        country: 'DE',
        defaultCurrency: 'JPY',
      }),
    );

    const result = await readBookFile(csvPath, { mapping: await loadMapping(mappingPath) });

    expect(result.invoices).toEqual([
      {
        id: 'D1',
        customerId: 'A1',
        issueDate: '2024-05-01',
        dueDate: '2024-05-31',
        amountMinor: 5,
        currency: 'JPY',
        disputed: false,
      },
    ]);
    expect(result.customers).toEqual([{ id: 'A1', countryCode: 'DE' }]);
  });
});
