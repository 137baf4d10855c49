import { describe, expect, test } from 'vitest';
import { ImportFileError } from './import-file-error';
import { MappingError } from './mapping-error';
import { parseBook } from './parse-book';

const FRENCH_EXPORT =
  '\ufeffN° facture;Client;Nom du client;Courriel;Langue;Pays;Date facture;' +
  "Date d'échéance;Montant TTC;Devise;Litige;Date de règlement\r\n" +
  'F-0001;C001;Boulangerie Dupont;compta@dupont.fr;Français;fr;05/01/2024;04/02/2024;' +
  '1 234,56;EUR;Non;15/02/2024\r\n' +
  'F-0002;C002;Garage Martin;;fr;FR;15/01/2024;14/02/2024;98,00;EUR;Oui;\r\n' +
  'F-0003;C001;Boulangerie Dupont;compta@dupont.fr;fr;FR;20/01/2024;19/02/2024;1.050 €;;non;\r\n';

const SPANISH_EXPORT = [
  'Número de factura,Código cliente,Nombre del cliente,País,Fecha de factura,' +
    'Fecha de vencimiento,Importe,Moneda,En disputa,Fecha de pago',
  '000123,0042,"Ferretería López, S.L.",ES,01/02/2024,03/03/2024,"1.234,56",eur,Sí,04/03/2024',
  '000124,0043,Talleres Ruiz,ES,02/02/2024,04/03/2024,"99,9",EUR,No,',
].join('\n');

describe('parseBook', () => {
  test('reads a French ERP export', () => {
    const result = parseBook(FRENCH_EXPORT);

    expect(result.rejected).toEqual([]);
    expect(result.rows).toEqual({ total: 3, accepted: 3, rejected: 0 });
    expect(result.invoices).toEqual([
      {
        id: 'F-0001',
        customerId: 'C001',
        issueDate: '2024-01-05',
        dueDate: '2024-02-04',
        amountMinor: 123_456,
        currency: 'EUR',
        disputed: false,
        settledDate: '2024-02-15',
      },
      {
        id: 'F-0002',
        customerId: 'C002',
        issueDate: '2024-01-15',
        dueDate: '2024-02-14',
        amountMinor: 9800,
        currency: 'EUR',
        disputed: true,
      },
      {
        id: 'F-0003',
        customerId: 'C001',
        issueDate: '2024-01-20',
        dueDate: '2024-02-19',
        amountMinor: 105_000,
        currency: 'EUR',
        disputed: false,
      },
    ]);
    expect(result.customers).toEqual([
      {
        id: 'C001',
        countryCode: 'FR',
        name: 'Boulangerie Dupont',
        email: 'compta@dupont.fr',
        language: 'fr',
      },
      { id: 'C002', countryCode: 'FR', name: 'Garage Martin', language: 'fr' },
    ]);
    expect(result.payments).toEqual([
      { id: 'settle-F-0001', invoiceId: 'F-0001', amountMinor: 123_456, receivedOn: '2024-02-15' },
    ]);
  });

  test('detects the French layout', () => {
    const { detected } = parseBook(FRENCH_EXPORT);

    expect(detected.delimiter).toBe(';');
    expect(detected.decimalSeparator).toBe(',');
    expect(detected.language).toBe('fr');
    expect(detected.dateFormats).toEqual({
      issueDate: 'DD/MM/YYYY',
      dueDate: 'DD/MM/YYYY',
      settledDate: 'DD/MM/YYYY',
    });
    expect(detected.columns.dueDate).toBe("Date d'échéance");
    expect(detected.columns.invoiceNumber).toBe('N° facture');
    expect(detected.columns.customerId).toBe('Client');
    expect(detected.columns.customerName).toBe('Nom du client');
  });

  test('reads a Spanish ERP export', () => {
    const result = parseBook(SPANISH_EXPORT);

    expect(result.rejected).toEqual([]);
    expect(result.invoices.map((invoice) => invoice.id)).toEqual(['000123', '000124']);
    expect(result.invoices[0]).toMatchObject({
      customerId: '0042',
      issueDate: '2024-02-01',
      dueDate: '2024-03-03',
      amountMinor: 123_456,
      currency: 'EUR',
      disputed: true,
      settledDate: '2024-03-04',
    });
    expect(result.invoices[1]?.amountMinor).toBe(9990);
    expect(result.customers[0]).toEqual({
      id: '0042',
      countryCode: 'ES',
      name: 'Ferretería López, S.L.',
    });
  });

  test('reads ambiguous Spanish dates day-first', () => {
    const { detected } = parseBook(SPANISH_EXPORT);

    expect(detected.language).toBe('es');
    expect(detected.delimiter).toBe(',');
    expect(detected.decimalSeparator).toBe(',');
    expect(detected.dateFormats.issueDate).toBe('DD/MM/YYYY');
  });

  test('counts physical lines across quoted line breaks', () => {
    const text = [
      'Invoice Number;Customer;Customer Name;Country;Invoice Date;Due Date;Amount',
      'A1;C1;"Dupont',
      'et fils";FR;2024-01-05;2024-02-04;10.00',
      '',
      'A2;C2;Martin;FR;2024-01-06;2024-01-01;20.00',
    ].join('\r\n');

    const result = parseBook(text);

    expect(result.customers[0]?.name).toBe('Dupont\r\net fils');
    expect(result.rejected).toEqual([
      {
        line: 5,
        field: 'dueDate',
        column: 'Due Date',
        value: '2024-01-01',
        reason: '2024-01-01 is before the Invoice Date 2024-01-06',
      },
    ]);
    expect(result.rows).toEqual({ total: 2, accepted: 1, rejected: 1 });
  });

  test('skips an Excel separator line', () => {
    const text =
      'sep=;\nInvoice;Customer;Country;Date;Due;Amount\nI1;C1;BE;2024-03-01;2024-02-01;12\n';

    const result = parseBook(text);

    expect(result.detected.columns.invoiceNumber).toBe('Invoice');
    expect(result.rejected.map((rejected) => [rejected.line, rejected.field])).toEqual([
      [3, 'dueDate'],
    ]);
  });

  test('reads tab-separated text', () => {
    const text =
      'Invoice\tCustomer\tCountry\tDate\tDue\tAmount\nI1\tC1\tBE\t2024-03-01\t2024-03-31\t12\n';

    const result = parseBook(text);

    expect(result.detected.delimiter).toBe('\t');
    expect(result.invoices[0]).toMatchObject({ id: 'I1', amountMinor: 1200 });
  });

  test('applies a mapping', () => {
    const text = [
      'Pièce|Tiers|Émis le|Payable le|Montant HT|Net à payer|Réglé',
      'P-7|T-1|03.04.2024|03.05.2024|100,00|120,00|',
      'P-8|T-2|04.04.2024|04.05.2024|200,00|240,00|12.05.2024',
    ].join('\n');
    const mapping = {
      columns: {
        invoiceNumber: 'Pièce',
        customerId: 'tiers',
        issueDate: 'Émis le',
        dueDate: 'Payable le',
        amount: 'Net à payer',
        settledDate: 'Réglé',
      },
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
      defaultCurrency: 'CHF',
      country: 'CH',
    } as const;

    expect(() => parseBook(text)).toThrow(ImportFileError);
    const result = parseBook(text.replaceAll('|', ';'), { mapping });

    expect(result.rejected).toEqual([]);
    expect(result.invoices[1]).toEqual({
      id: 'P-8',
      customerId: 'T-2',
      issueDate: '2024-04-04',
      dueDate: '2024-05-04',
      amountMinor: 24_000,
      currency: 'CHF',
      disputed: false,
      settledDate: '2024-05-12',
    });
    expect(result.customers[0]).toEqual({ id: 'T-1', countryCode: 'CH' });
    expect(result.detected.ignoredColumns).toEqual(['Montant HT']);
    expect(result.detected.columns.customerId).toBe('Tiers');
  });

  test('rejects the whole file in rejectFile mode', () => {
    const text = FRENCH_EXPORT + 'F-0004;C003;Café;;fr;FR;32/01/2024;19/02/2024;10,00;EUR;Non;\r\n';

    const skipped = parseBook(text);
    const rejected = parseBook(text, { onError: 'rejectFile' });

    expect(skipped.invoices).toHaveLength(3);
    expect(rejected.invoices).toEqual([]);
    expect(rejected.customers).toEqual([]);
    expect(rejected.payments).toEqual([]);
    expect(rejected.rows).toEqual({ total: 4, accepted: 3, rejected: 1 });
    expect(rejected.rejected).toEqual([
      {
        line: 5,
        field: 'issueDate',
        column: 'Date facture',
        value: '32/01/2024',
        reason: "'32/01/2024' is not a calendar date in the format DD/MM/YYYY",
      },
    ]);
  });

  test('keeps a clean file in rejectFile mode', () => {
    const result = parseBook(FRENCH_EXPORT, { onError: 'rejectFile' });

    expect(result.invoices).toHaveLength(3);
  });

  test('reports progress', () => {
    const rows = Array.from(
      { length: 250 },
      (_, index) => `I${index};C1;FR;2024-01-01;2024-01-31;1,00`,
    );
    const calls: [number, number][] = [];

    parseBook(['Facture;Client;Pays;Date;Échéance;Montant', ...rows].join('\n'), {
      onProgress: (done, total) => calls.push([done, total]),
    });

    expect(calls[0]).toEqual([3, 250]);
    expect(calls.at(-1)).toEqual([250, 250]);
    expect(calls.length).toBeLessThanOrEqual(101);
  });

  test('rejects an invalid mapping', () => {
    expect(() => parseBook(FRENCH_EXPORT, { mapping: { delimiter: '|' as ';' } })).toThrow(
      MappingError,
    );
  });
});

describe('parseBook with the day of the import', () => {
  test('rejects a row settled after that day', () => {
    const result = parseBook(FRENCH_EXPORT, { today: '2024-02-10' });

    expect(result.rows).toEqual({ total: 3, accepted: 2, rejected: 1 });
    expect(result.rejected).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'settledDate',
        reason:
          '2024-02-15 is after today, 2024-02-10; a settled date cannot be later than the day of the import',
      }),
    ]);
  });

  test('keeps the row without that day', () => {
    expect(parseBook(FRENCH_EXPORT).rows.rejected).toBe(0);
  });
});

describe('parseBook with a huge cell', () => {
  test('shortens the cell in the report', () => {
    const huge = '9'.repeat(5_000) + 'x';
    const text = FRENCH_EXPORT.replace('98,00', huge);
    const [entry] = parseBook(text).rejected;

    expect(entry?.field).toBe('amount');
    expect(entry?.value).toBe(`${'9'.repeat(1_000)}… (5001 characters in all)`);
    expect(entry?.reason.length).toBeLessThan(1_400);
  });
});

describe('parseBook file errors', () => {
  function fileError(text: string, options = {}): ImportFileError {
    try {
      parseBook(text, options);
    } catch (error) {
      if (error instanceof ImportFileError) return error;
      throw error;
    }
    throw new Error('expected an ImportFileError');
  }

  test('empty file', () => {
    expect(fileError('\r\n\r\n').code).toBe('delimiterNotFound');
    expect(fileError('', { mapping: { delimiter: ';' } }).code).toBe('emptyFile');
  });

  test('missing columns', () => {
    const error = fileError('Facture;Client;Montant\nF1;C1;10,00\n');

    expect(error.code).toBe('missingColumns');
    expect(error.details['missing']).toEqual(['issueDate', 'dueDate', 'countryCode']);
    expect(error.message).toContain(
      "dueDate (e.g. 'due date', 'date d'échéance', 'fecha de vencimiento')",
    );
    expect(error.message).toContain('set "country"');
  });

  test('mapped column not found', () => {
    const error = fileError(FRENCH_EXPORT, { mapping: { columns: { amount: 'Total' } } });

    expect(error.code).toBe('columnNotFound');
    expect(error.message).toContain("maps amount to the column 'Total'");
  });

  test('ambiguous English dates', () => {
    const text =
      'Invoice;Customer;Country;Date;Due Date;Amount\nI1;C1;US;01/02/2024;03/04/2024;1.00\n';
    const error = fileError(text);

    expect(error.code).toBe('ambiguousDateFormat');
    expect(error.message).toBe(
      "Every date in the column 'Date' (e.g. '01/02/2024') reads both day-first and " +
        'month-first, and the header language does not settle it. Add "dateFormat": ' +
        '"DD/MM/YYYY" or "dateFormat": "MM/DD/YYYY" to the mapping.',
    );
    const fixed = parseBook(text, { mapping: { dateFormat: 'MM/DD/YYYY' } });
    expect(fixed.invoices[0]?.issueDate).toBe('2024-01-02');
  });

  test('unclosed quote', () => {
    const error = fileError('Invoice;Customer\nI1;"C1\n');

    expect(error.code).toBe('csvSyntax');
    expect(error.message).toContain('Quote Not Closed');
  });
});
