import type { HeaderLanguage } from './header-language';
import type { ImportField } from './import-field';

type SynonymsByLanguage = Readonly<Record<HeaderLanguage, readonly string[]>>;

/**
 * Header names recognised for each field, most specific first. They are compared after
 * `normalizeHeader`, so case, accents, spaces and punctuation do not matter. A header is
 * matched whole: `Montant HT` (before tax) is not an amount, `Montant TTC` is.
 */
export const HEADER_SYNONYMS: Readonly<Record<ImportField, SynonymsByLanguage>> = {
  invoiceNumber: {
    en: [
      'invoice number',
      'invoice no',
      'invoice id',
      'invoice ref',
      'invoice reference',
      'invoice',
    ],
    fr: [
      'numéro de facture',
      'numéro facture',
      'n° de facture',
      'n° facture',
      'no facture',
      'num facture',
      'référence facture',
      'facture',
    ],
    es: [
      'número de factura',
      'número factura',
      'nº de factura',
      'n° factura',
      'nº factura',
      'num factura',
      'referencia factura',
      'factura',
    ],
  },
  customerId: {
    en: [
      'customer id',
      'customer number',
      'customer no',
      'customer code',
      'customer ref',
      'customer reference',
      'client id',
      'account number',
      'customer',
      'client',
    ],
    fr: [
      'code client',
      'numéro client',
      'numéro de client',
      'n° client',
      'no client',
      'identifiant client',
      'référence client',
      'réf client',
      'compte client',
      'client',
    ],
    es: [
      'código cliente',
      'código de cliente',
      'número de cliente',
      'número cliente',
      'nº cliente',
      'n° cliente',
      'id cliente',
      'id de cliente',
      'cliente',
    ],
  },
  customerName: {
    en: ['customer name', 'client name', 'company name', 'company', 'name'],
    fr: ['nom du client', 'nom client', 'raison sociale', 'société', 'nom'],
    es: ['nombre del cliente', 'nombre cliente', 'razón social', 'empresa', 'nombre'],
  },
  customerEmail: {
    en: ['customer email', 'email address', 'email', 'e-mail', 'mail'],
    fr: [
      'e-mail client',
      'email client',
      'adresse e-mail',
      'adresse électronique',
      'courriel',
      'mél',
    ],
    es: ['correo electrónico', 'correo cliente', 'email cliente', 'correo'],
  },
  customerPhone: {
    en: ['customer phone', 'phone number', 'phone', 'telephone', 'mobile'],
    fr: ['téléphone client', 'téléphone', 'tél', 'portable'],
    es: ['teléfono cliente', 'teléfono', 'tel', 'móvil'],
  },
  customerLanguage: {
    en: ['customer language', 'language', 'lang', 'locale'],
    fr: ['langue du client', 'langue client', 'langue'],
    es: ['idioma del cliente', 'idioma cliente', 'idioma'],
  },
  countryCode: {
    en: ['country code', 'country'],
    fr: ['code pays', 'pays'],
    es: ['código de país', 'código país', 'país'],
  },
  issueDate: {
    en: ['invoice date', 'issue date', 'date issued', 'document date', 'billing date', 'date'],
    fr: [
      'date de facture',
      'date facture',
      'date de facturation',
      "date d'émission",
      'date émission',
      'date',
    ],
    es: ['fecha de factura', 'fecha factura', 'fecha de emisión', 'fecha emisión', 'fecha'],
  },
  dueDate: {
    en: ['due date', 'payment due date', 'date due', 'due on', 'maturity date', 'due'],
    fr: ["date d'échéance", 'date échéance', 'date limite de paiement', 'échéance'],
    es: ['fecha de vencimiento', 'fecha vencimiento', 'fecha vto', 'vencimiento'],
  },
  amount: {
    en: [
      'invoice amount',
      'amount incl tax',
      'total amount',
      'gross amount',
      'invoice total',
      'amount',
      'total',
    ],
    fr: ['montant ttc', 'total ttc', 'montant facture', 'montant de la facture', 'montant'],
    es: ['importe total', 'importe factura', 'total factura', 'importe', 'monto'],
  },
  currency: {
    en: ['currency code', 'currency'],
    fr: ['code devise', 'devise', 'monnaie'],
    es: ['código moneda', 'moneda', 'divisa'],
  },
  disputed: {
    en: ['disputed', 'in dispute', 'dispute'],
    fr: ['en litige', 'litige', 'litigieux'],
    es: ['en disputa', 'disputa', 'en litigio', 'litigio'],
  },
  settledDate: {
    en: [
      'settled date',
      'settlement date',
      'date settled',
      'payment date',
      'paid date',
      'date paid',
      'paid on',
    ],
    fr: [
      'date de règlement',
      'date règlement',
      'date de paiement',
      'date paiement',
      'réglé le',
      'payé le',
    ],
    es: ['fecha de pago', 'fecha pago', 'fecha de cobro', 'fecha cobro', 'pagado el'],
  },
  paperlessDate: {
    en: ['paperless date', 'e-invoicing date', 'electronic billing date'],
    fr: ['date de dématérialisation', 'date dématérialisation'],
    es: ['fecha de facturación electrónica', 'fecha factura electrónica'],
  },
  channel: {
    en: ['paperless bill', 'billing channel', 'delivery channel', 'channel'],
    fr: ["canal d'envoi", 'canal de facturation', "mode d'envoi", 'canal'],
    es: ['canal de envío', 'canal de facturación', 'medio de envío', 'canal'],
  },
  daysToSettle: {
    en: ['days to settle', 'days to pay'],
    fr: ['jours avant règlement', 'jours de règlement'],
    es: ['días hasta el pago', 'días hasta pago', 'días de pago'],
  },
  daysLate: {
    en: ['days late', 'days overdue'],
    fr: ['jours de retard', 'retard en jours'],
    es: ['días de retraso', 'días de atraso'],
  },
};
