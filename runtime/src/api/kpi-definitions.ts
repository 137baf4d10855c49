/** The formula of each KPI of `GET /kpis`, returned with the numbers for a dashboard to show. */
export const KPI_DEFINITIONS = {
  openAr:
    'Accounts receivable at the end of asOf: the open amount of the invoices issued on or ' +
    'before it and not settled by then, disputed ones included.',
  aging:
    'The open amount on asOf by days past due (asOf minus the due date): not due (0 or less), ' +
    '1-30, 31-60, 61-90 and over 90 days.',
  standardDso:
    'Standard DSO over N days: open AR on asOf divided by the amount invoiced in the N days ' +
    'ending on asOf, times N. Null when nothing was invoiced in those days.',
  collectionRate:
    'Collection rate of the month: the part of the amount of the invoices due in the month ' +
    'that was settled by its last day (or by asOf, if earlier), divided by that amount. Null ' +
    'when nothing was due.',
  amounts:
    'Amounts are in minor units (cents) in the fields ending in Minor, and formatted beside them.',
} as const;
