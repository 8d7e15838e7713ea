import {
  forkFor,
  requireActor,
  requireStaff,
  unauthenticated,
  type Caller,
  type LiveMessage,
  type SubgraphDeps,
  type SubgraphContext,
} from "@portal/kit";
import { Ctx, Resolver, Root, Subscription } from "type-graphql";
import type { Invoice } from "../invoices/invoice.entity.js";
import { findInvoice } from "../invoices/invoice.service.js";
import { InvoiceView, toInvoiceView } from "../invoices/invoice.types.js";
import { INVOICE_TOPIC, type InvoiceChangedMessage } from "./invoice-live.js";
import { SharedReads } from "./shared-reads.js";

/**
 * Decided once, when subscribing: staff hear their business, a contact only their own sent invoices.
 * The audience says whose answers are alike (live-sharing in the kit): every staff reader of a
 * business gets the staff view, a contact gets their own.
 */
function subscriptionOf(caller: Caller): { accept: (message: LiveMessage) => boolean; audience: string } {
  if (!caller.businessId) throw unauthenticated();
  const sameBusiness = (message: LiveMessage) => message.topic === INVOICE_TOPIC && message.businessId === caller.businessId;
  if (caller.actor.kind === "contact") {
    const contact = requireActor(caller, "contact");
    const accept = (message: LiveMessage) => {
      const data = message.data as unknown as InvoiceChangedMessage;
      return sameBusiness(message) && data.contactId === contact.id && data.visibleToContact;
    };
    return { accept, audience: `contact:${contact.id}` };
  }
  requireStaff(caller, "read");
  return { accept: sameBusiness, audience: "staff" };
}

/** Built per schema because the subscription's source is this process's LiveBus. */
export function invoiceChangedResolver(deps: SubgraphDeps) {
  // Every subscriber in this process hears the same message object, so the invoice and what its
  // fields read are read once per change for all of them, not once per subscriber; each still gets
  // the view of its own role (a contact never sees the memo or payment references). Only subscribers
  // of the message's business hear it (subscriptionOf), so the reads are theirs to share.
  const changes = new WeakMap<LiveMessage, { invoice: Promise<Invoice | null>; reads: SharedReads }>();
  const changeOf = (message: LiveMessage, data: InvoiceChangedMessage) => {
    let change = changes.get(message);
    if (!change) {
      // A fresh unit of work per change: a subscription's context lives as long as its socket.
      const reads = new SharedReads(forkFor(deps.orm, message.businessId));
      change = { invoice: findInvoice(reads.em, data.invoiceId), reads };
      changes.set(message, change);
    }
    return change;
  };

  @Resolver()
  class InvoiceChangedResolver {
    @Subscription(() => InvoiceView, {
      description:
        "An invoice as it changes (sent, paid, voided, refunded, edited): staff get their business's invoices, a contact their own sent ones.",
      subscribe: ({ context }) => {
        const { accept, audience } = subscriptionOf((context as SubgraphContext).caller);
        return deps.live.subscribe(accept, { audience });
      },
    })
    async invoiceChanged(@Root() message: LiveMessage, @Ctx() ctx: SubgraphContext): Promise<InvoiceView> {
      const data = message.data as unknown as InvoiceChangedMessage;
      if (message.businessId !== ctx.caller.businessId) throw new Error("Invoice no longer exists"); // never another business's
      const change = changeOf(message, data);
      const invoice = await change.invoice;
      if (!invoice) throw new Error("Invoice no longer exists");
      const view = toInvoiceView(invoice, ctx.caller.actor.kind === "contact" ? "contact" : "staff");
      view.sharedReads = change.reads;
      return view;
    }
  }
  return InvoiceChangedResolver;
}
