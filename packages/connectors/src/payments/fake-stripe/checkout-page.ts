import type { StripeCheckoutSession, StripePaymentLink } from './stripe-objects';

/** Renders the page a payment link opens: the amount due and a button that pays it. */
export function checkoutPage(link: StripePaymentLink, amountMinor: number): string {
  const invoice = link.metadata['invoice_id'];
  const title = invoice === undefined ? 'Payment' : `Invoice ${invoice}`;
  return page(
    title,
    `<p>Amount due: <strong>${escapeHtml(formatAmount(amountMinor, link.currency))}</strong></p>
<form method="post"><button type="submit">Pay now</button></form>
<p><small>Local test payment page; no money moves.</small></p>`,
  );
}

/** Renders the page shown after a payment. */
export function paidPage(session: StripeCheckoutSession): string {
  const amount = formatAmount(session.amount_total, session.currency);
  return page(
    'Payment received',
    `<p>${escapeHtml(amount)} paid. Reference ${escapeHtml(session.id)}.</p>`,
  );
}

export function errorPage(message: string): string {
  return page('Payment link unavailable', `<p>${escapeHtml(message)}</p>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

/** Formats an amount in minor units with the currency's own number of decimals. */
function formatAmount(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat('en', {
    style: 'currency',
    currency: currency.toUpperCase(),
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
