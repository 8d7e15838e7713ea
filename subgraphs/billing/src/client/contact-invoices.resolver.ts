import { ConnectionArgs, forbidden, isStaffReader, mapConnection, requireBusiness, type SubgraphContext } from "@portal/kit";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { InvoiceConnection, toInvoiceView } from "../invoices/invoice.types.js";
import { canReadInvoicesOf } from "../shared/access.js";
import { invoiceSummary, outstandingInvoices, paidInvoices } from "./client-invoices.service.js";
import { InvoiceSummary } from "./client-invoices.types.js";
import { ContactRef } from "./contact-ref.js";

/** Only the contact themself or their business's staff; the tenant filter keeps staff in their business. */
function guard(ctx: SubgraphContext, contact: ContactRef): "staff" | "contact" {
  requireBusiness(ctx.caller);
  if (!canReadInvoicesOf(ctx.caller, contact.id)) throw forbidden("Only this contact or their business's staff can see their invoices");
  return isStaffReader(ctx.caller) ? "staff" : "contact";
}

/**
 * The client's billing, federated onto identity's Contact. Every field is nullable so that when
 * billing fails or is down only these fields are null, not the whole contact with other sections.
 */
@Resolver(() => ContactRef)
export class ContactInvoicesResolver {
  @FieldResolver(() => InvoiceConnection, {
    nullable: true,
    description:
      "Open invoices (overdue included) with their amount due, earliest due first. Null only when billing cannot answer (see errors).",
  })
  async outstandingInvoices(@Root() contact: ContactRef, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: SubgraphContext) {
    const audience = guard(ctx, contact);
    return mapConnection(await outstandingInvoices(ctx.em, contact.id, args), (invoice) => toInvoiceView(invoice, audience));
  }

  @FieldResolver(() => InvoiceConnection, {
    nullable: true,
    description: "Paid invoices (also those refunded since), newest first. Null only when billing cannot answer (see errors).",
  })
  async paidInvoices(@Root() contact: ContactRef, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: SubgraphContext) {
    const audience = guard(ctx, contact);
    return mapConnection(await paidInvoices(ctx.em, contact.id, args), (invoice) => toInvoiceView(invoice, audience));
  }

  @FieldResolver(() => InvoiceSummary, {
    nullable: true,
    description:
      "Outstanding count, total due and next due date, for the dashboard card. Null only when billing cannot answer (see errors).",
  })
  async invoiceSummary(@Root() contact: ContactRef, @Ctx() ctx: SubgraphContext): Promise<InvoiceSummary> {
    guard(ctx, contact);
    const row = await invoiceSummary(ctx.em, requireBusiness(ctx.caller), contact.id);
    return Object.assign(new InvoiceSummary(), { ...row, hasInvoices: row.invoiceCount > 0 });
  }
}
