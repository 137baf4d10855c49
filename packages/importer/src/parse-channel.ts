import type { BillingChannel } from '@dunflow/model';
import { normalizeHeader } from './normalize-header';
import { accepted, invalid, type Parsed } from './parsed';

const CHANNELS: Readonly<Record<string, BillingChannel>> = {
  paper: 'paper',
  papier: 'paper',
  papel: 'paper',
  post: 'paper',
  courrier: 'paper',
  electronic: 'electronic',
  electronique: 'electronic',
  electronico: 'electronic',
  electronica: 'electronic',
  email: 'electronic',
  paperless: 'electronic',
  edi: 'electronic',
};

/** Reads the billing channel: paper or electronic, in English, French or Spanish. */
export function parseChannel(text: string): Parsed<BillingChannel> {
  const channel = CHANNELS[normalizeHeader(text)];
  if (channel !== undefined) return accepted(channel);
  return invalid(`'${text}' is not a billing channel; use Paper or Electronic`);
}
