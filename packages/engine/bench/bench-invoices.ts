import type { FactValues } from '@dunflow/model';

const COUNTRIES = ['FR', 'BE', 'LU', 'NL', 'DE', 'GB', 'US'];
const CURRENCIES = ['EUR', 'EUR', 'EUR', 'GBP', 'USD'];
const LANGUAGES = ['fr', 'de', 'en', 'nl'];
const CHANNELS = ['paper', 'electronic'];
const AS_OF_DAY = Date.UTC(2024, 8, 30) / 86_400_000;

/** Returns a mulberry32 generator of numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Generates the facts of `count` invoices, always the same for the same seed. */
export function generateInvoiceFacts(count: number, seed: number): FactValues[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => invoiceFacts(random, index));
}

function invoiceFacts(random: () => number, index: number): FactValues {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const amount = Math.round(random() * random() * 1_000_000) / 100;
  const issueDay = AS_OF_DAY - Math.floor(random() * 660);
  const dueDay = issueDay + pick([0, 30, 45, 60]);
  const hasCustomer = random() < 0.95;
  return {
    amount,
    openAmount: random() < 0.2 ? Math.round(amount * random() * 100) / 100 : amount,
    currency: pick(CURRENCIES),
    issueDate: isoDate(issueDay),
    dueDate: isoDate(dueDay),
    daysPastDue: AS_OF_DAY - dueDay,
    disputed: random() < 0.08,
    customerId: `C${String(index % 5000).padStart(5, '0')}`,
    countryCode: hasCustomer ? pick(COUNTRIES) : null,
    channel: hasCustomer ? pick(CHANNELS) : null,
    language: hasCustomer ? pick(LANGUAGES) : null,
    customerOpenAmount: Math.round(random() * random() * 10_000_000) / 100,
    customerOverdueCount: Math.floor(random() * random() * 8),
    remindersSent: Math.floor(random() * 5),
    brokenPromises: random() < 0.85 ? 0 : Math.floor(random() * 3) + 1,
  };
}

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
