import { NotFoundError, requireBusiness, requireSignedIn, type SubgraphContext, forbidden } from "@portal/kit";
import { Ctx, Mutation, Query, Resolver } from "type-graphql";
import { CalendarFeedResult, CalendarFeedSuccess, CalendarFeedView } from "../bookings/booking.types.js";
import { feedOf, feedOwnerOf, feedUrl, resetFeed } from "./calendar-feed.js";

/** Calendar feeds: a secret iCalendar URL per client and per team member, derived from `secret`. */
export function calendarResolver(secret: string) {
  @Resolver()
  class CalendarResolver {
    @Query(() => CalendarFeedView, {
      nullable: true,
      description:
        "The signed-in client's (their appointments) or team member's (the appointments they host) secret calendar URL, made on first ask.",
    })
    async myCalendarFeed(@Ctx() ctx: SubgraphContext) {
      requireSignedIn(ctx.caller);
      const businessId = requireBusiness(ctx.caller);
      const owner = feedOwnerOf(ctx.caller);
      if (!owner) throw forbidden("Calendar feeds belong to clients and team members");
      const feed = await feedOf(ctx.em, businessId, owner);
      return Object.assign(new CalendarFeedView(), { url: await feedUrl(ctx.em, secret, feed) });
    }

    @Mutation(() => CalendarFeedResult, {
      description: "A new secret calendar URL for the signed-in client or team member; the old one stops working.",
    })
    async resetCalendarFeed(@Ctx() ctx: SubgraphContext) {
      requireSignedIn(ctx.caller);
      const businessId = requireBusiness(ctx.caller);
      const owner = feedOwnerOf(ctx.caller);
      if (!owner) return NotFoundError.of("Calendar feeds belong to clients and team members");
      const feed = await resetFeed(ctx.em, businessId, owner);
      return Object.assign(new CalendarFeedSuccess(), {
        feed: Object.assign(new CalendarFeedView(), { url: await feedUrl(ctx.em, secret, feed) }),
      });
    }
  }
  return CalendarResolver;
}
