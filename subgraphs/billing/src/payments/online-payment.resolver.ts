import { forbidden, NotFoundError, requireActor, requireBusiness, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { statusOf } from "../invoices/invoice-status.js";
import { NotPayable, ProviderUnavailable, startInvoicePayment } from "./online-payment.service.js";
import { InvoiceNotPayable, InvoicePaymentStarted, PaymentUnavailable, StartInvoicePaymentResult } from "./online-payment.types.js";
import type { StripePaymentProvider } from "./stripe-provider.js";

/** Built per schema: the Stripe client comes from the subgraph's options (absent without keys). */
export function onlinePaymentResolver(stripe: StripePaymentProvider | null) {
  @Resolver()
  class OnlinePaymentResolver {
    @Mutation(() => StartInvoicePaymentResult, {
      description:
        "The invoice's contact, when the portal takes card payments (paymentOptions.paymentMode STRIPE): starts or resumes the payment of the amount due. Clicking twice never charges twice.",
    })
    async startInvoicePayment(
      @Arg("invoiceId", () => ID) invoiceId: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof StartInvoicePaymentResult> {
      const contact = requireActor(ctx.caller, "contact");
      requireBusiness(ctx.caller);
      if (!stripe) throw forbidden("Card payments are not enabled in this portal");
      const result = await startInvoicePayment(ctx.em, invoiceId, contact.id, stripe);
      if (result instanceof NotFoundError) return result;
      if (result instanceof NotPayable)
        return Object.assign(new InvoiceNotPayable(), { message: result.message, status: statusOf(result.invoice) });
      if (result instanceof ProviderUnavailable) return Object.assign(new PaymentUnavailable(), { message: result.message });
      const { intent } = result;
      return Object.assign(new InvoicePaymentStarted(), {
        clientSecret: intent.clientSecret,
        publishableKey: stripe.publishableKey,
        amount: intent.amount,
        currency: intent.currency.toUpperCase(),
      });
    }
  }
  return OnlinePaymentResolver;
}
