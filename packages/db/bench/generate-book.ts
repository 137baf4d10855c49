import type { Client } from 'pg';

/** The as-of date of the generated book: invoices are issued in the three years before it. */
export const BENCH_AS_OF = '2026-03-31';

export interface BookSize {
  customers: number;
  invoices: number;
}

/*
 * Each statement draws from PostgreSQL's random(), seeded once with setseed on the one
 * connection that runs them in order, so the same seed gives the same book.
 * - customers: ten countries, 90% with a language and 80% with a billing channel;
 * - invoices: issued uniformly over 1,095 days, with 0 to 60 days of terms, log-uniform
 *   amounts of 1 to 50,000 major units, 85% in EUR and 3% disputed. Customers are drawn with a
 *   square-law skew, so a few customers have many invoices. 97% are paid 10 days early to 109
 *   days late, and settled on that day unless it is after the as-of date;
 * - payments: one for every settled invoice, and a part payment on 20% of the others;
 * - events: up to three `email.sent` reminders, 7, 14 and 21 days after the due date, and an
 *   SMS after 10 days, none after the invoice was settled or after the as-of date;
 * - promises: on 2% of the invoices, a third each open, kept and broken.
 */
const STATEMENTS = (size: BookSize): string[] => [
  `insert into customers (id, name, country_code, language, channel)
   select 'C' || lpad(n::text, 6, '0'), 'Customer ' || n,
     (array['FR','FR','FR','BE','DE','LU','NL','GB','US','ES'])[1 + floor(random() * 10)::int],
     case when random() < 0.9 then (array['fr','fr','en','de','nl'])[1 + floor(random() * 5)::int] end,
     case when random() < 0.8 then (array['paper','electronic'])[1 + floor(random() * 2)::int] end
   from generate_series(1, ${size.customers}) n`,
  `insert into invoices
     (id, customer_id, issue_date, due_date, amount_minor, currency, disputed, settled_date, source_file)
   select id, customer_id, issue_date, issue_date + term, amount_minor, currency, disputed,
     case when paid and issue_date + term + delay <= date '${BENCH_AS_OF}'
       then issue_date + term + delay end,
     'bench'
   from (
     select 'INV' || lpad(n::text, 8, '0') as id,
       'C' || lpad((1 + floor(power(random(), 2) * ${size.customers}))::int::text, 6, '0') as customer_id,
       date '${BENCH_AS_OF}' - floor(random() * 1095)::int as issue_date,
       (array[0, 30, 30, 45, 60])[1 + floor(random() * 5)::int] as term,
       (100 * exp(random() * ln(50000)))::bigint as amount_minor,
       (array['EUR','EUR','EUR','EUR','EUR','EUR','EUR','EUR','EUR','EUR','EUR','EUR','EUR',
              'EUR','EUR','EUR','EUR','GBP','USD','JPY'])[1 + floor(random() * 20)::int] as currency,
       random() < 0.03 as disputed,
       random() < 0.97 as paid,
       floor(power(random(), 2) * 120)::int - 10 as delay
     from generate_series(1, ${size.invoices}) n
   ) drawn`,
  `insert into payments (id, invoice_id, amount_minor, received_on, source)
   select 'P' || id, id, amount_minor, settled_date, 'import'
   from invoices where settled_date is not null`,
  `insert into payments (id, invoice_id, amount_minor, received_on, source)
   select 'PP' || id, id, greatest(amount_minor * 3 / 10, 1), due_date + 5, 'import'
   from invoices
   where settled_date is null and due_date + 5 <= date '${BENCH_AS_OF}' and random() < 0.2`,
  `insert into dunning_events (invoice_id, type, occurred_at, data)
   select i.id, r.type, (i.due_date + r.days)::timestamp at time zone 'UTC' + interval '9 hours', '{}'
   from invoices i
   cross join (values ('email.sent', 7), ('email.sent', 14), ('email.sent', 21), ('sms.sent', 10))
     as r(type, days)
   where i.due_date + r.days <= coalesce(i.settled_date, date '${BENCH_AS_OF}')`,
  `insert into promises (idempotency_key, invoice_id, promised_date, status)
   select 'promise-' || id, id, due_date + 20,
     (array['open','kept','broken'])[1 + floor(random() * 3)::int]
   from invoices where random() < 0.02`,
];

/** Fills an empty, migrated database with a seeded book; returns the row count of each table. */
export async function generateBook(
  client: Client,
  size: BookSize,
  seed: number,
): Promise<Record<string, number>> {
  await client.query('select setseed($1)', [seed]);
  for (const statement of STATEMENTS(size)) await client.query(statement);
  await client.query('vacuum analyze');

  const counts: Record<string, number> = {};
  for (const table of ['customers', 'invoices', 'payments', 'dunning_events', 'promises']) {
    const result = await client.query<{ count: string }>(`select count(*) from ${table}`);
    counts[table] = Number(result.rows[0]?.count ?? 0);
  }
  return counts;
}
