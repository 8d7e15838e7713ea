import { forkFor, requireActor, requireStaff, unauthenticated, type Caller, type LiveMessage, type SubgraphDeps, type SubgraphContext } from "@portal/kit";
import { Ctx, Resolver, Root, Subscription } from "type-graphql";
import { findInvoice } from "../invoices/invoice.service.js";
import { InvoiceView, toInvoiceView } from "../invoices/invoice.types.js";
import { INVOICE_TOPIC, type InvoiceChangedMessage } from "./invoice-live.js";

/** Decided once, when subscribing: staff hear their business, a contact only their own sent invoices. */
function audienceFilter(caller: Caller): (message: LiveMessage) => boolean {
  if (!caller.businessId) throw unauthenticated();
  const sameBusiness = (message: LiveMessage) => message.topic === INVOICE_TOPIC && message.businessId === caller.businessId;
  if (caller.actor.kind === "contact") {
    const contact = requireActor(caller, "contact");
    return (message) => {
      const data = message.data as unknown as InvoiceChangedMessage;
      return sameBusiness(message) && data.contactId === contact.id && data.visibleToContact;
    };
  }
  requireStaff(caller, "read");
  return sameBusiness;
}

/** Built per schema because the subscription's source is this process's LiveBus. */
export function invoiceChangedResolver(deps: SubgraphDeps) {
  @Resolver()
  class InvoiceChangedResolver {
    @Subscription(() => InvoiceView, {
      description: "An invoice as it changes (sent, paid, voided, refunded, edited): staff get their business's invoices, a contact their own sent ones.",
      subscribe: ({ context }) => deps.live.subscribe(audienceFilter((context as SubgraphContext).caller)),
    })
    async invoiceChanged(@Root() message: LiveMessage, @Ctx() ctx: SubgraphContext): Promise<InvoiceView> {
      // A fresh unit of work per event: the subscription's context lives as long as the socket.
      const data = message.data as unknown as InvoiceChangedMessage;
      const invoice = await findInvoice(forkFor(deps.orm, ctx.caller.businessId), data.invoiceId);
      if (!invoice) throw new Error("Invoice no longer exists");
      return toInvoiceView(invoice, ctx.caller.actor.kind === "contact" ? "contact" : "staff");
    }
  }
  return InvoiceChangedResolver;
}
