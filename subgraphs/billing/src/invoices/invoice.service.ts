import type { FilterQuery } from "@mikro-orm/postgresql";
import { checkRefs, type EntityManager, findPage, KNOWN_CONTACTS, type PageArgs, ValidationError } from "@portal/kit";
import { announceInvoiceChanged } from "../live/invoice-live.js";
import { isUuid } from "../shared/ids.js";
import { recordInvoiceSent, recordInvoiceVoided } from "./invoice-events.js";
import { Invoice, type InvoiceState } from "./invoice.entity.js";
import { changeInvoice, takeInvoiceNumber } from "./invoice-store.js";
import { InvoiceStateError } from "./invoice.errors.js";
import { todayIso } from "./invoice-status.js";
import { validateInvoice, type InvoiceFields } from "./invoice.validation.js";
import { computeTotals } from "./totals.js";

export interface InvoiceFilter extends PageArgs {
  /** A stored state, or "overdue" (open and past due). */
  status?: InvoiceState | "overdue" | null;
  contactId?: string | null;
  /** Issue date range, inclusive, YYYY-MM-DD. */
  issuedFrom?: string | null;
  issuedTo?: string | null;
  /** Invoice number, e.g. "12", "#12" or "INV-12"; matches exactly. */
  search?: string | null;
}

/** Every function here runs on a tenant-scoped EntityManager: the filter keeps it in one business. */
export function findInvoice(em: EntityManager, id: string): Promise<Invoice | null> {
  return isUuid(id) ? em.findOne(Invoice, { id }) : Promise.resolve(null);
}

/** Newest first (by number, which follows creation). */
export function listInvoices(em: EntityManager, filter: InvoiceFilter) {
  const where: Record<string, unknown>[] = [];
  if (filter.status === "overdue") where.push({ status: "open", dueDate: { $lt: todayIso() } });
  else if (filter.status === "open") where.push({ status: "open", dueDate: { $gte: todayIso() } });
  else if (filter.status) where.push({ status: filter.status });
  if (filter.contactId) where.push({ contactId: isUuid(filter.contactId) ? filter.contactId : "00000000-0000-0000-0000-000000000000" });
  if (filter.issuedFrom) where.push({ issueDate: { $gte: filter.issuedFrom } });
  if (filter.issuedTo) where.push({ issueDate: { $lte: filter.issuedTo } });
  const digits = filter.search?.trim().replace(/^#|^inv-?/i, "");
  if (digits) where.push({ number: /^\d{1,9}$/.test(digits) ? Number(digits) : -1 }); // not a number: nothing matches
  return findPage<Invoice>(em, Invoice, (where.length ? { $and: where } : {}) as FilterQuery<Invoice>, "number", filter, "desc");
}

function applyFields(invoice: Invoice, input: InvoiceFields): void {
  const lines = input.lines.map(({ description, quantity, unitPrice }) => ({ description: description.trim(), quantity, unitPrice }));
  Object.assign(invoice, {
    contactId: input.contactId,
    currency: input.currency.trim().toUpperCase(),
    lines,
    taxRateBps: input.taxRateBps ?? null,
    discountAmount: input.discountAmount ?? null,
    issueDate: input.issueDate,
    dueDate: input.dueDate,
    notes: input.notes?.trim() ?? "",
    memo: input.memo?.trim() ?? "",
    ...computeTotals(lines, input.taxRateBps ?? null, input.discountAmount ?? null),
  });
}

/** The fields' own rules, then the contact: one of this business's (another business's id is not found). */
async function checkInvoice(em: EntityManager, input: InvoiceFields): Promise<ValidationError | null> {
  return validateInvoice(input) ?? (await checkRefs(em, { contactId: [KNOWN_CONTACTS, input.contactId] }));
}

/** A new draft with the business's next number. */
export async function createInvoice(em: EntityManager, businessId: string, input: InvoiceFields): Promise<Invoice | ValidationError> {
  const invalid = await checkInvoice(em, input);
  if (invalid) return invalid;
  return em.transactional(async (tx) => {
    const invoice = Object.assign(new Invoice(), { businessId, number: await takeInvoiceNumber(tx, businessId) });
    applyFields(invoice, input);
    tx.persist(invoice);
    await tx.flush();
    await announceInvoiceChanged(tx, invoice);
    return invoice;
  });
}

/** Only drafts change: once sent, the client may have seen (and paid) what it says. */
export async function updateDraft(em: EntityManager, id: string, input: InvoiceFields) {
  const invalid = await checkInvoice(em, input);
  if (invalid) return invalid;
  return changeInvoice(em, id, (invoice) => {
    if (invoice.status !== "draft")
      return InvoiceStateError.of(invoice, "This invoice was already sent and can no longer be edited; void it and create a new one");
    applyFields(invoice, input);
    return null;
  });
}

/**
 * Draft → open; the client sees it and `billing.invoice.sent` lets automation email them
 * (and identity invite them to the portal when `inviteToPortal` and they have no access yet).
 */
export function sendInvoice(em: EntityManager, id: string, inviteToPortal = true) {
  return changeInvoice(em, id, async (invoice, tx) => {
    if (invoice.status !== "draft") return InvoiceStateError.of(invoice, "Only a draft invoice can be sent");
    if (invoice.total === 0) return ValidationError.of("lines", "An invoice of zero cannot be sent");
    // Drafts saved before contacts were checked could name another business's contact: never send those.
    const unknownContact = await checkRefs(tx, { contactId: [KNOWN_CONTACTS, invoice.contactId] });
    if (unknownContact) return unknownContact;
    Object.assign(invoice, { status: "open", sentAt: new Date() });
    recordInvoiceSent(tx, invoice, inviteToPortal);
    return null;
  });
}

/** Drafts and open invoices without payments can be voided. */
export function voidInvoice(em: EntityManager, id: string) {
  return changeInvoice(em, id, (invoice, tx) => {
    if (invoice.status !== "draft" && invoice.status !== "open")
      return InvoiceStateError.of(invoice, "Only a draft or open invoice can be voided");
    if (invoice.amountPaid > 0) return InvoiceStateError.of(invoice, "This invoice has payments recorded and can no longer be voided");
    Object.assign(invoice, { status: "void", voidedAt: new Date() });
    recordInvoiceVoided(tx, invoice);
    return null;
  });
}
