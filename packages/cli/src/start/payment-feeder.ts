import type { Client } from '@temporalio/client';
import type { LocalDate, Payment } from '@dunflow/model';
import { getWorkflowRun, recordPayment, type Database } from '@dunflow/db';
import { dunningWorkflowId, paymentSignal, type Logger } from '@dunflow/runtime';

/**
 * Delivers the demo book's future payments on their dates: each one due by today is recorded
 * and signalled to its invoice's running workflow. Signalling again after a restart is
 * harmless because the interpreter applies a payment id once.
 */
export class PaymentFeeder {
  private readonly pending: Payment[];
  private timer: NodeJS.Timeout | undefined;
  private delivering: Promise<void> = Promise.resolve();

  constructor(
    payments: readonly Payment[],
    private readonly db: Database,
    private readonly client: Client,
    private readonly logger: Logger,
  ) {
    this.pending = [...payments].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  }

  /** Delivers what is due now, then checks again every `intervalMs`. */
  start(today: () => LocalDate, intervalMs = 60_000): Promise<void> {
    const tick = (): void => {
      this.delivering = this.delivering.then(() => this.deliverDue(today()));
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    return this.delivering;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.delivering;
  }

  /** Payments not yet due. */
  get remaining(): number {
    return this.pending.length;
  }

  private async deliverDue(today: LocalDate): Promise<void> {
    while (this.pending[0] !== undefined && this.pending[0].receivedOn <= today) {
      const payment = this.pending[0];
      try {
        await this.deliver(payment);
        this.pending.shift();
      } catch (error) {
        this.logger.error(
          { err: error, paymentId: payment.id, invoiceId: payment.invoiceId },
          'payment delivery failed; retrying at the next check',
        );
        return;
      }
    }
  }

  private async deliver(payment: Payment): Promise<void> {
    await recordPayment(this.db, { ...payment, source: 'import' });
    const workflowId = dunningWorkflowId(payment.invoiceId);
    const run = await getWorkflowRun(this.db, workflowId);
    if (run?.status !== 'running') return;
    await this.client.workflow
      .getHandle(workflowId)
      .signal(paymentSignal, { paymentId: payment.id, amountMinor: payment.amountMinor });
    this.logger.info({ paymentId: payment.id, invoiceId: payment.invoiceId }, 'payment delivered');
  }
}
