import { describe, expect, it } from 'vitest';
import { renderTemplate, TemplateError } from './render-template';

const variables = { invoiceId: 'INV-7', amount: '120.00', customerName: 'Acme' };

describe('renderTemplate', () => {
  it('replaces placeholders in subject and body', () => {
    const rendered = renderTemplate(
      { subject: 'Invoice {{invoiceId}}', body: 'Dear {{customerName}}, {{amount}} is due.' },
      variables,
    );
    expect(rendered.subject).toBe('Invoice INV-7');
    expect(rendered.text).toBe('Dear Acme, 120.00 is due.');
  });

  it('allows spaces inside the braces and repeats', () => {
    const rendered = renderTemplate(
      { subject: '{{ invoiceId }}', body: '{{invoiceId}} / {{  invoiceId}}' },
      variables,
    );
    expect(rendered.subject).toBe('INV-7');
    expect(rendered.text).toBe('INV-7 / INV-7');
  });

  it('inserts values without expanding them again', () => {
    const rendered = renderTemplate(
      { subject: 'x', body: 'Note: {{note}}' },
      { note: 'literal {{amount}} and $& and $1' },
    );
    expect(rendered.text).toBe('Note: literal {{amount}} and $& and $1');
  });

  it('leaves text without placeholders unchanged', () => {
    const rendered = renderTemplate({ subject: 'Hello', body: 'Single { braces } stay' }, {});
    expect(rendered).toEqual({ subject: 'Hello', text: 'Single { braces } stay' });
  });

  it('names unknown and known placeholders', () => {
    const render = () =>
      renderTemplate({ subject: 'Invoice {{invoiceId}}', body: 'Pay {{paymentLink}}' }, variables);
    expect(render).toThrow(TemplateError);
    expect(render).toThrow(
      "unknown template placeholder 'paymentLink'; known placeholders: amount, customerName, invoiceId",
    );
  });

  it('lists every unknown placeholder once', () => {
    let caught: unknown;
    try {
      renderTemplate({ subject: '{{a}} {{b}}', body: '{{a}} {{invoiceId}}' }, variables);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    const error = caught as TemplateError;
    expect(error.placeholders).toEqual(['a', 'b']);
    expect(error.known).toEqual(['amount', 'customerName', 'invoiceId']);
  });

  it('rejects a malformed placeholder', () => {
    const render = () => renderTemplate({ subject: 'x', body: 'Due {{due date}}' }, variables);
    expect(render).toThrow(/malformed template placeholder '\{\{due date\}\}'/);
  });

  it('says none when no variables are given', () => {
    const render = () => renderTemplate({ subject: '{{amount}}', body: 'x' }, {});
    expect(render).toThrow(/known placeholders: none/);
  });
});
