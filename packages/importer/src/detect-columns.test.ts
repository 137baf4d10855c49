import { describe, expect, test } from 'vitest';
import { detectColumns } from './detect-columns';
import { HEADER_SYNONYMS } from './header-synonyms';
import { ImportFileError } from './import-file-error';
import type { ImportField } from './import-field';
import { normalizeHeader } from './normalize-header';

function fieldOf(header: string): ImportField | undefined {
  const { indexes } = detectColumns([header]);
  return (Object.keys(indexes) as ImportField[])[0];
}

describe('detectColumns', () => {
  test.each<[string, ImportField]>([
    ['InvoiceNumber', 'invoiceNumber'],
    ['invoice_number', 'invoiceNumber'],
    ['N° facture', 'invoiceNumber'],
    ['Nº factura', 'invoiceNumber'],
    ['Numéro de facture', 'invoiceNumber'],
    ['NUMERO DE FACTURA', 'invoiceNumber'],
    ['Fecha de vencimiento', 'dueDate'],
    ["Date d'échéance", 'dueDate'],
    ['Due Date', 'dueDate'],
    ['Montant TTC', 'amount'],
    ['Importe', 'amount'],
    ['Amount', 'amount'],
    ['Client', 'customerId'],
    ['Customer ID', 'customerId'],
    ['Código cliente', 'customerId'],
    ['Pays', 'countryCode'],
    ['País', 'countryCode'],
    ['Country', 'countryCode'],
    ['Date de règlement', 'settledDate'],
    ['Fecha de pago', 'settledDate'],
    ['Settled Date', 'settledDate'],
    ['Litige', 'disputed'],
    ['Disputed', 'disputed'],
    ['En disputa', 'disputed'],
    ['Devise', 'currency'],
    ['Moneda', 'currency'],
    ['Currency', 'currency'],
    ['E-mail', 'customerEmail'],
    ['Courriel', 'customerEmail'],
    ['Nom du client', 'customerName'],
    ['Nombre cliente', 'customerName'],
    ['Langue', 'customerLanguage'],
    ['Idioma', 'customerLanguage'],
    ['countryCode', 'countryCode'],
    ['customerID', 'customerId'],
    ['PaperlessDate', 'paperlessDate'],
    ['InvoiceDate', 'issueDate'],
    ['DueDate', 'dueDate'],
    ['InvoiceAmount', 'amount'],
    ['SettledDate', 'settledDate'],
    ['PaperlessBill', 'channel'],
    ['DaysToSettle', 'daysToSettle'],
    ['DaysLate', 'daysLate'],
  ])('%s is %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  test('unknown headers are ignored', () => {
    expect(detectColumns(['Montant HT', 'Commentaire', '']).ignored).toEqual([
      'Montant HT',
      'Commentaire',
    ]);
  });

  test('every synonym maps back to its field', () => {
    for (const [field, byLanguage] of Object.entries(HEADER_SYNONYMS)) {
      for (const name of Object.values(byLanguage).flat()) {
        expect(fieldOf(name), name).toBe(field);
      }
    }
  });

  test('the most specific header wins', () => {
    const layout = detectColumns(['Date', 'Customer', 'Date facture', 'Customer ID']);

    expect(layout.indexes).toEqual({ issueDate: 2, customerId: 3 });
    expect(layout.ignored).toEqual(['Date', 'Customer']);
  });

  test('detects the header language', () => {
    expect(detectColumns(['N° facture', 'Client', 'Date', 'Échéance']).language).toBe('fr');
    expect(detectColumns(['Factura', 'Cliente', 'Fecha', 'Vencimiento']).language).toBe('es');
    expect(detectColumns(['Invoice', 'Client', 'Date', 'Due']).language).toBe('en');
    expect(detectColumns(['Client', 'Date']).language).toBeUndefined();
  });

  test('overrides win over synonyms', () => {
    const layout = detectColumns(['Date', 'Créée le'], { issueDate: 'créée LE' });

    expect(layout.indexes).toEqual({ issueDate: 1 });
    expect(layout.ignored).toEqual(['Date']);
  });

  test('an override must name a header', () => {
    expect(() => detectColumns(['Date'], { dueDate: 'Échéance' })).toThrow(ImportFileError);
  });

  test('normalizeHeader', () => {
    expect(normalizeHeader(' N° de Facture ')).toBe('ndefacture');
    expect(normalizeHeader('Código_Cliente')).toBe('codigocliente');
  });
});
