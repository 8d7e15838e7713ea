import { LockMode } from "@mikro-orm/postgresql";
import { NotFoundError, sql, type EntityManager } from "@portal/kit";
import { announceInvoiceChanged } from "../live/invoice-live.js";
import { isUuid } from "../shared/ids.js";
import { Invoice } from "./invoice.entity.js";

/**
 * Next invoice number of the business, taken inside the creating transaction: the row lock makes
 * concurrent creations queue (no duplicates) and a rollback returns the number (no gaps).
 */
export async function takeInvoiceNumber(tx: EntityManager, businessId: string): Promise<number> {
  const [row] = await sql<{ last_number: number }>(
    tx,
    `insert into billing.invoice_counter as counter (business_id, last_number) values (?, 1)
     on conflict (business_id) do update set last_number = counter.last_number + 1
     returning last_number`,
    [businessId],
  );
  return row!.last_number;
}

/**
 * Runs `change` on the invoice locked for update, then flushes, announces the change live and
 * commits, all in one transaction (events recorded by `change` commit with it). `change` returns
 * an error value to refuse without writing anything.
 */
export async function changeInvoice<E>(
  em: EntityManager,
  id: string,
  change: (invoice: Invoice, tx: EntityManager) => Promise<E | null> | E | null,
): Promise<Invoice | E | NotFoundError> {
  if (!isUuid(id)) return NotFoundError.of("No such invoice");
  return em.transactional(async (tx) => {
    const invoice = await tx.findOne(Invoice, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!invoice) return NotFoundError.of("No such invoice");
    const refused = await change(invoice, tx);
    if (refused) return refused;
    await tx.flush();
    await announceInvoiceChanged(tx, invoice);
    return invoice;
  });
}
