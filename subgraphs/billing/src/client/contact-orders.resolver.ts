import { ConnectionArgs, forbidden, isStaffReader, mapConnection, requireBusiness, type SubgraphContext } from "@portal/kit";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { listContactOrders } from "../orders/order.service.js";
import { OrderConnection, toOrderView } from "../orders/order.types.js";
import { canReadInvoicesOf } from "../shared/access.js";
import { ContactRef } from "./contact-ref.js";

/** The client's orders on identity's Contact: the contact themself or their business's staff. */
@Resolver(() => ContactRef)
export class ContactOrdersResolver {
  @FieldResolver(() => OrderConnection, {
    nullable: true,
    description: "Paid orders of this contact, newest first (their receipts). Null only when billing cannot answer (see errors).",
  })
  async orders(@Root() contact: ContactRef, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: SubgraphContext) {
    requireBusiness(ctx.caller);
    if (!canReadInvoicesOf(ctx.caller, contact.id)) throw forbidden("Only this contact or their business's staff can see their orders");
    const audience = isStaffReader(ctx.caller) ? "staff" : "contact";
    return mapConnection(await listContactOrders(ctx.em, contact.id, args), (order) => toOrderView(order, audience));
  }
}
