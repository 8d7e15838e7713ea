import { isStaffReader } from "@portal/kit";
import type { SubgraphContext } from "@portal/kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { InvoiceStatus, InvoiceView } from "../invoices/invoice.types.js";
import { InvoicePaymentView, PaymentKind } from "./payment.types.js";
import { lastFailureReason } from "./payment-attempts.js";
import { paymentsOf } from "./payments-loader.js";

/** Payments of an invoice, for whoever may already see the invoice (its resolvers checked that). */
@Resolver(() => InvoiceView)
export class InvoicePaymentsResolver {
  @FieldResolver(() => [InvoicePaymentView], { description: "Payments and refunds, oldest first (method and date for receipts)." })
  async payments(@Root() invoice: InvoiceView, @Ctx() ctx: SubgraphContext): Promise<InvoicePaymentView[]> {
    const staff = isStaffReader(ctx.caller);
    const shared = invoice.sharedReads;
    const payments = await (shared
      ? shared.once("payments", (em) => paymentsOf(shared, em, invoice.id))
      : paymentsOf(ctx, ctx.em, invoice.id));
    return payments.map((payment) =>
      Object.assign(new InvoicePaymentView(), {
        id: payment.id,
        kind: payment.kind.toUpperCase() as PaymentKind,
        amount: payment.amount,
        method: payment.method,
        reference: staff ? payment.reference : null,
        createdAt: payment.createdAt,
      }),
    );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Why the latest online payment attempt failed (e.g. the card was declined), while the invoice is still payable; null otherwise.",
  })
  async lastPaymentError(@Root() invoice: InvoiceView, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    if (invoice.status !== InvoiceStatus.OPEN && invoice.status !== InvoiceStatus.OVERDUE) return null;
    const shared = invoice.sharedReads;
    if (shared) return shared.once("lastPaymentError", (em) => lastFailureReason(em, invoice.businessId, invoice.id));
    return lastFailureReason(ctx.em, invoice.businessId, invoice.id);
  }
}
