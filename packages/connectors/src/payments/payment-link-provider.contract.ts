import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connector-error';
import type { PaymentLinkProvider, PaymentLinkRequest } from './payment-link-provider';

/** Fixture of the contract suite: a working provider, and one whose API key is rejected. */
export interface PaymentLinkHarness {
  provider: PaymentLinkProvider;
  wrongKeyProvider: PaymentLinkProvider;
}

function request(overrides: Partial<PaymentLinkRequest> = {}): PaymentLinkRequest {
  return {
    invoiceId: 'INV-1042',
    amountMinor: 12_050,
    currency: 'EUR',
    description: 'Invoice INV-1042',
    idempotencyKey: 'dunning-INV-1042:n4:1',
    ...overrides,
  };
}

async function failure(creating: Promise<unknown>): Promise<ConnectorError> {
  const error = await creating.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

/**
 * Registers the tests every `PaymentLinkProvider` must pass. `harness` is called inside the
 * tests, so it may read values set in a `beforeAll` hook.
 */
export function describePaymentLinkContract(name: string, harness: () => PaymentLinkHarness): void {
  describe(`PaymentLinkProvider contract: ${name}`, () => {
    it('creates a link with URL', async () => {
      const link = await harness().provider.createLink(
        request({ idempotencyKey: 'contract-a:n4:1' }),
      );
      expect(link.id).toMatch(/^plink_/);
      expect(new URL(link.url).protocol).toMatch(/^https?:$/);
    });

    it('same key, same link', async () => {
      const { provider } = harness();
      const first = await provider.createLink(request({ idempotencyKey: 'contract-b:n4:1' }));
      const second = await provider.createLink(request({ idempotencyKey: 'contract-b:n4:1' }));
      expect(second).toEqual(first);
    });

    it('returns another link for another key', async () => {
      const { provider } = harness();
      const first = await provider.createLink(request({ idempotencyKey: 'contract-c:n4:1' }));
      const second = await provider.createLink(request({ idempotencyKey: 'contract-c:n4:2' }));
      expect(second.id).not.toBe(first.id);
    });

    it('rejects the same key with another amount', async () => {
      const { provider } = harness();
      await provider.createLink(request({ idempotencyKey: 'contract-d:n4:1' }));
      const error = await failure(
        provider.createLink(request({ idempotencyKey: 'contract-d:n4:1', amountMinor: 99 })),
      );
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/idempotency key/i);
    });

    it('rejects a wrong API key as permanent', async () => {
      const error = await failure(harness().wrongKeyProvider.createLink(request()));
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/API key/);
    });

    it('deactivates a link, and again without error', async () => {
      const { provider } = harness();
      const link = await provider.createLink(request({ idempotencyKey: 'contract-e:n4:1' }));
      await expect(provider.deactivateLink(link.id)).resolves.toBeUndefined();
      await expect(provider.deactivateLink(link.id)).resolves.toBeUndefined();
    });

    it('rejects deactivating an unknown link as permanent', async () => {
      const error = await failure(harness().provider.deactivateLink('plink_unknown'));
      expect(error.retryable).toBe(false);
      expect(error.message).toContain('plink_unknown');
    });

    it('rejects an amount that is not positive', async () => {
      const error = await failure(harness().provider.createLink(request({ amountMinor: 0 })));
      expect(error.retryable).toBe(false);
      expect(error.message).toContain('amountMinor 0 is invalid');
    });
  });
}
