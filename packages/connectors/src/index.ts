export { ConnectorError } from './connector-error';
export type { ConnectorErrorOptions, ConnectorName } from './connector-error';

export type { CapturedMessage } from './email/captured-message';
export type { EmailSender, OutgoingEmail } from './email/email-sender';
export type { MessageFilter, MessagePredicate } from './email/message-inbox';
export { IDEMPOTENCY_KEY_HEADER, messageIdFor } from './email/message-id';
export { renderTemplate, TemplateError } from './email/render-template';
export type { MessageTemplate } from './email/render-template';
export { startSmtpCapture } from './email/smtp-capture';
export type { SmtpCaptureOptions, SmtpCaptureServer } from './email/smtp-capture';
export { createSmtpSender } from './email/smtp-sender';
export type { SmtpSenderOptions } from './email/smtp-sender';

export type {
  PaymentLink,
  PaymentLinkProvider,
  PaymentLinkRequest,
} from './payments/payment-link-provider';
export { createStripePaymentLinks } from './payments/stripe-payment-links';
export type { StripePaymentLinksOptions } from './payments/stripe-payment-links';
export {
  signStripePayload,
  verifyStripeSignature,
  WebhookSignatureError,
} from './payments/stripe-signature';
export type { SignatureFailure } from './payments/stripe-signature';
export { startFakeStripe } from './payments/fake-stripe/fake-stripe';
export type {
  FakePayment,
  FakeStripeOptions,
  FakeStripeServer,
} from './payments/fake-stripe/fake-stripe';
export type {
  StripeCheckoutSession,
  StripeEvent,
  StripePaymentLink,
  StripePrice,
} from './payments/fake-stripe/stripe-objects';
export type { WebhookDelivery } from './payments/fake-stripe/webhook-delivery';
