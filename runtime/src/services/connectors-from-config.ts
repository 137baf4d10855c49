import {
  createSmtpSender,
  createStripePaymentLinks,
  type EmailSender,
  type PaymentLinkProvider,
} from '@dunflow/connectors';
import type { RuntimeConfig } from './runtime-config';

/** Creates the SMTP sender the configuration names. */
export function emailSenderFromConfig(config: RuntimeConfig): EmailSender {
  const { host, port, from } = config.smtp;
  return createSmtpSender({ host, port, from });
}

/** Creates the Stripe payment-link provider, pointed at `STRIPE_API_BASE` when it is set. */
export function paymentLinksFromConfig(config: RuntimeConfig): PaymentLinkProvider {
  const { apiKey, baseUrl } = config.stripe;
  if (baseUrl === undefined) return createStripePaymentLinks({ apiKey });
  const url = new URL(baseUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  const port = url.port === '' ? (protocol === 'http' ? 80 : 443) : Number(url.port);
  return createStripePaymentLinks({ apiKey, host: url.hostname, port, protocol });
}
