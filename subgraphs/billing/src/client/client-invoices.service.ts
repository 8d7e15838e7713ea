import { type EntityManager, findPage, type PageArgs, preparedStatement, runPrepared, sql } from "@portal/kit";
import { Invoice } from "../invoices/invoice.entity.js";

/**
 * A contact's own view of billing. Each function is one statement (two for a page: rows and count),
 * whatever the number of invoices, so the dashboard's cost stays flat.
 */
export function outstandingInvoices(em: EntityManager, contactId: string, args: PageArgs) {
  return findPage(em, Invoice, { contactId, status: "open" }, "dueDate", args, "asc");
}

/** Paid history, including invoices refunded afterwards; newest number first. */
export function paidInvoices(em: EntityManager, contactId: string, args: PageArgs) {
  return findPage(em, Invoice, { contactId, status: { $in: ["paid", "refunded", "partially_refunded"] } }, "number", args, "desc");
}

export interface InvoiceSummaryRow {
  invoiceCount: number;
  outstandingCount: number;
  currency: string | null;
  totalDue: number;
  nextDueDate: string | null;
}

const INVOICE_SUMMARY = preparedStatement(
  "billing_invoice_summary",
  `with mine as (
       select status, currency, due_date, total - amount_paid as due from billing.invoice
       where business_id = $1 and contact_id = $2 and status <> 'draft'),
     first_currency as (select currency from mine where status = 'open' order by due_date, currency limit 1)
     select (select count(*) from mine) as invoice_count,
            (select count(*) from mine where status = 'open') as outstanding_count,
            (select currency from first_currency) as currency,
            (select sum(due) from mine where status = 'open' and currency = (select currency from first_currency)) as total_due,
            (select to_char(min(due_date), 'YYYY-MM-DD') from mine where status = 'open') as next_due_date`,
);

/**
 * Dashboard card, in one aggregate statement. Amounts of different currencies cannot be added, so
 * `totalDue` is in the currency of the invoice due first; `outstandingCount` counts all of them.
 */
export async function invoiceSummary(em: EntityManager, businessId: string, contactId: string): Promise<InvoiceSummaryRow> {
  const [row] = await runPrepared<{
    invoice_count: string;
    outstanding_count: string;
    currency: string | null;
    total_due: string | null;
    next_due_date: string | null;
  }>(em, INVOICE_SUMMARY, [businessId, contactId]);
  return {
    invoiceCount: Number(row!.invoice_count),
    outstandingCount: Number(row!.outstanding_count),
    currency: row!.currency,
    totalDue: Number(row!.total_due ?? 0),
    nextDueDate: row!.next_due_date,
  };
}
