import { forbidden, NotFoundError, requireActor, requireBusiness, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { asInvoiceResult } from "../invoices/invoice.resolver.js";
import { findInvoice } from "../invoices/invoice.service.js";
import { InvoiceResult } from "../invoices/invoice.types.js";
import type { BillingOptions } from "../options.js";
import type { PaymentMethod } from "./payment.entity.js";
import { testPaymentProvider } from "./payment-provider.js";
import { payAmountDue, recordOfflinePayment, refundInvoice } from "./payment.service.js";
import { PaymentOptions, RecordPaymentInput, RefundInput } from "./payment.types.js";
import { PaymentMode } from "./online-payment.types.js";

/** Built per schema: whether test payments are allowed comes from the subgraph's options. */
export function paymentResolver(options: BillingOptions) {
  @Resolver()
  class PaymentResolver {
    @Query(() => PaymentOptions, { description: "Signed-in callers: how invoices are paid online in this portal." })
    paymentOptions(@Ctx() ctx: SubgraphContext): PaymentOptions {
      requireSignedIn(ctx.caller);
      const paymentMode = options.stripe ? PaymentMode.STRIPE : options.testPayments ? PaymentMode.TEST : PaymentMode.OFFLINE;
      return Object.assign(new PaymentOptions(), {
        paymentMode,
        testMode: options.testPayments,
        stripePublishableKey: options.stripe?.publishableKey ?? null,
      });
    }

    @Mutation(() => InvoiceResult, {
      description: "Staff: records money received outside the portal; the invoice is PAID once nothing is due.",
    })
    async recordPayment(
      @Arg("input", () => RecordPaymentInput) input: RecordPaymentInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof InvoiceResult> {
      requireStaff(ctx.caller, "write");
      const method = input.method.toLowerCase() as PaymentMethod;
      return asInvoiceResult(await recordOfflinePayment(ctx.em, { ...input, method }));
    }

    @Mutation(() => InvoiceResult, { description: "Staff: refunds part or all of what was paid (never more)." })
    async refundInvoice(@Arg("input", () => RefundInput) input: RefundInput, @Ctx() ctx: SubgraphContext): Promise<typeof InvoiceResult> {
      requireStaff(ctx.caller, "write");
      return asInvoiceResult(await refundInvoice(ctx.em, input));
    }

    @Mutation(() => InvoiceResult, {
      description: "The invoice's contact, in test-payment mode only: pays the amount due locally (no money moves).",
    })
    async payInvoiceWithTestPayment(
      @Arg("invoiceId", () => ID) invoiceId: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof InvoiceResult> {
      const contact = requireActor(ctx.caller, "contact");
      requireBusiness(ctx.caller);
      if (!options.testPayments) throw forbidden("Test payments are not enabled in this portal");
      const invoice = await findInvoice(ctx.em, invoiceId);
      if (!invoice || invoice.contactId !== contact.id || invoice.status === "draft") return NotFoundError.of("No such invoice");
      return asInvoiceResult(await payAmountDue(ctx.em, invoiceId, testPaymentProvider), "contact");
    }
  }
  return PaymentResolver;
}
