import { createSmtpSender, createStripePaymentLinks } from '@dunflow/connectors';
import type { EmailSender, PaymentLinkProvider } from '@dunflow/connectors';

/** Where the local SMTP capture and Stripe-shaped server listen on 127.0.0.1. */
export interface LocalConnectorPorts {
  smtpPort: number;
  stripePort: number;
  stripeApiKey: string;
}

/** Creates the connectors that talk to the local test doubles, for the demo and the tests. */
export function localConnectors(ports: LocalConnectorPorts): {
  email: EmailSender;
  paymentLinks: PaymentLinkProvider;
} {
  return {
    email: createSmtpSender({
      host: '127.0.0.1',
      port: ports.smtpPort,
      from: 'Accounts receivable <ar@dunflow.localhost>',
    }),
    paymentLinks: createStripePaymentLinks({
      apiKey: ports.stripeApiKey,
      host: '127.0.0.1',
      port: ports.stripePort,
      protocol: 'http',
    }),
  };
}
