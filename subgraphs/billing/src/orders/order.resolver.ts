import { ConnectionArgs, isStaffReader, mapConnection, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, ID, Query, Resolver } from "type-graphql";
import { contactIdOf } from "../shared/access.js";
import { findOrder } from "./order-store.js";
import { listOrders } from "./order.service.js";
import { OrderConnection, OrderStatus, OrderView, toOrderView } from "./order.types.js";

@ArgsType()
class OrderListArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: "Only orders of this offer." })
  offerId?: string | null;
  @Field(() => OrderStatus, { nullable: true, description: "Only orders in this status." })
  status?: OrderStatus | null;
  @Field(() => ID, { nullable: true, description: "Only orders of this contact." })
  contactId?: string | null;
}

@Resolver(() => OrderView)
export class OrderResolver {
  @Query(() => OrderConnection, { description: "Staff: the business's orders, newest first, by offer, status or contact." })
  async orders(@Args(() => OrderListArgs) args: OrderListArgs, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "read");
    const status = args.status ? (args.status.toLowerCase() as "pending" | "paid" | "ready") : null;
    return mapConnection(await listOrders(ctx.em, { ...args, status }), (order) => toOrderView(order, "staff"));
  }

  @Query(() => OrderView, {
    nullable: true,
    description: "One order: for staff of its business, or for its buyer (signed in as its contact) once paid; null for anyone else.",
  })
  async order(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<OrderView | null> {
    requireSignedIn(ctx.caller);
    if (!ctx.caller.businessId) return null;
    const order = await findOrder(ctx.em, id);
    if (!order) return null;
    if (isStaffReader(ctx.caller)) return toOrderView(order, "staff");
    return order.contactId && contactIdOf(ctx.caller) === order.contactId ? toOrderView(order, "contact") : null;
  }
}
