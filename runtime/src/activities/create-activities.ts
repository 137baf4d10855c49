import type { Logger } from 'pino';
import { ConnectorError, renderTemplate, TemplateError } from '@dunflow/connectors';
import type { EmailSender, PaymentLinkProvider } from '@dunflow/connectors';
import { evaluateCondition, segmentOf } from '@dunflow/engine';
import { addDays } from '@dunflow/engine/interpreter';
import { appendEvent, createTask, updateRunStatus } from '@dunflow/db';
import type { WorkflowOutcome, Database } from '@dunflow/db';
import type { ActionResult, DunningActivities, IdempotentTarget } from './dunning-activities';
import { closePaymentLinks } from './close-payment-links';
import { loadInvoiceFacts } from './invoice-facts';
import { mirrorPromise } from './mirror-promise';
import { runOnce } from './run-once';
import { templateVariables } from './template-variables';

export interface ActivityDependencies {
  db: Database;
  email: EmailSender;
  paymentLinks: PaymentLinkProvider;
  logger: Logger;
  /** The current time; tests may pass a fixed clock. */
  now?: () => Date;
}

/** Creates the dunning activities over a database and the outside-world connectors. */
export function createActivities(deps: ActivityDependencies): DunningActivities {
  const { db, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);

  return {
    async evaluateCondition({ invoiceId, rule, facts }) {
      const loaded = await loadInvoiceFacts(db, invoiceId, today());
      return evaluateCondition(rule, loaded.facts, facts);
    },

    async evaluateSwitch({ invoiceId, ruleSet, facts }) {
      const loaded = await loadInvoiceFacts(db, invoiceId, today());
      return segmentOf(ruleSet, loaded.facts, facts);
    },

    async sendEmail(input) {
      return runOnce(db, input, 'email', async () => {
        const loaded = await loadInvoiceFacts(db, input.invoiceId, today());
        const to = loaded.customer.email;
        if (to === undefined) {
          return failAction(input, `customer '${loaded.customer.id}' has no e-mail address`);
        }
        let message: { subject: string; text: string };
        try {
          message = renderTemplate(input.template, templateVariables(loaded, input.variables));
        } catch (error) {
          if (error instanceof TemplateError) return failAction(input, error.message);
          throw error;
        }
        try {
          const sent = await deps.email.send({
            to,
            ...message,
            idempotencyKey: input.idempotencyKey,
          });
          await record(input, 'email.sent', {
            to,
            subject: message.subject,
            template: input.template.id,
            messageId: sent.messageId,
          });
          return { output: { messageId: sent.messageId } };
        } catch (error) {
          if (error instanceof ConnectorError && !error.retryable)
            return failAction(input, error.message);
          throw error;
        }
      });
    },

    async createPaymentLink(input) {
      return runOnce(db, input, 'paymentLink', async () => {
        const loaded = await loadInvoiceFacts(db, input.invoiceId, today());
        const link = await deps.paymentLinks.createLink({
          invoiceId: input.invoiceId,
          amountMinor: loaded.openAmountMinor,
          currency: loaded.invoice.currency,
          description: `Invoice ${input.invoiceId}`,
          idempotencyKey: input.idempotencyKey,
        });
        await record(input, 'paymentLink.created', {
          linkId: link.id,
          url: link.url,
          amountMinor: loaded.openAmountMinor,
        });
        return { output: { paymentLink: link.url } };
      });
    },

    async createTask(input) {
      return openTask(input, input.title, input.dueInDays);
    },

    async recordEvents({ invoiceId, workflowId, events, batch }) {
      for (const [index, event] of events.entries()) {
        await appendEvent(db, {
          invoiceId,
          workflowId,
          type: event.type,
          ...(event.nodeId === undefined ? {} : { nodeId: event.nodeId }),
          occurredAt: event.at,
          data: event.data,
          idempotencyKey: `${batch}:${index}`,
        });
        await mirrorPromise(db, invoiceId, workflowId, event);
      }
    },

    async completeRun({ invoiceId, workflowId, outcome }) {
      await closePaymentLinks({ ...deps, now }, { invoiceId, workflowId, outcome });
      const status = outcome === 'cancelled' ? 'cancelled' : 'completed';
      await updateRunStatus(db, workflowId, {
        status,
        outcome: outcome as WorkflowOutcome,
        endedAt: now().toISOString(),
      });
      logger.info({ workflowId, outcome }, 'dunning run completed');
    },
  };

  async function record(
    target: IdempotentTarget,
    type: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await appendEvent(db, {
      invoiceId: target.invoiceId,
      workflowId: target.workflowId,
      nodeId: target.nodeId,
      type,
      occurredAt: now().toISOString(),
      data,
      idempotencyKey: `${target.idempotencyKey}:${type}`,
    });
  }

  async function openTask(
    target: IdempotentTarget,
    title: string,
    dueInDays: number,
  ): Promise<ActionResult> {
    const { task, created } = await createTask(db, {
      idempotencyKey: target.idempotencyKey,
      invoiceId: target.invoiceId,
      title,
      dueOn: addDays(today(), dueInDays),
    });
    if (created)
      await record(target, 'task.created', { taskId: task.id, title, dueOn: task.dueOn });
    return { output: { taskId: String(task.id) } };
  }

  /**
   * Records an action that cannot succeed by retrying (no address, a rejected recipient) and
   * hands it to a collector, so the run goes on and nothing is silently lost.
   */
  async function failAction(target: IdempotentTarget, reason: string): Promise<ActionResult> {
    logger.warn({ invoiceId: target.invoiceId, nodeId: target.nodeId, reason }, 'action failed');
    await record(target, 'action.failed', { reason });
    await openTask(
      { ...target, idempotencyKey: `${target.idempotencyKey}:follow-up` },
      `Follow up by hand: ${reason}`,
      1,
    );
    return { output: { outcome: 'failed', reason } };
  }
}
