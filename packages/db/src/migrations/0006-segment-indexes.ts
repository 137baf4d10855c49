import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * Creates the indexes behind segment previews over the whole book, which read every invoice
 * open on an as-of date and, per invoice, its payments, reminders and broken promises.
 */
export const segmentIndexesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // An invoice is open on `asOf` only if coalesce(settled_date, 'infinity') > asOf, so a range
    // scan finds the open part of the book. The included columns make it an index-only scan;
    // settled_date is included too because PostgreSQL 15 needs the expression's own column
    // in the index before it plans an index-only scan.
    await sql`
      create index invoices_open_until on invoices ((coalesce(settled_date, 'infinity'::date)))
      include (settled_date, id, customer_id, issue_date, due_date, amount_minor, currency, disputed)
    `.execute(db);
    // The remindersSent fact counts an invoice's `email.sent` events before a time.
    await sql`
      create index dunning_events_email_sent on dunning_events (invoice_id, occurred_at)
      where type = 'email.sent'
    `.execute(db);
    // The brokenPromises fact counts an invoice's broken promises due before a date.
    await sql`
      create index promises_broken on promises (invoice_id, promised_date)
      where status = 'broken'
    `.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('promises_broken').execute();
    await db.schema.dropIndex('dunning_events_email_sent').execute();
    await db.schema.dropIndex('invoices_open_until').execute();
  },
};
