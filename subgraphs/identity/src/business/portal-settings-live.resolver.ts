import { forkFor, type LiveMessage, type SubgraphContext } from "@portal/kit";
import { Ctx, Resolver, Root, Subscription } from "type-graphql";
import type { IdentityDeps } from "../shared/deps.js";
import { requireMember } from "../shared/guards.js";
import { PORTAL_SETTINGS_TOPIC } from "../shared/live-topics.js";
import { findBusiness } from "./business.service.js";
import { PortalSettings, toSettings } from "./business.types.js";

/** Built per schema because the subscription's source is this process's LiveBus. */
export function portalSettingsLiveResolver(deps: IdentityDeps) {
  @Resolver()
  class PortalSettingsLiveResolver {
    @Subscription(() => PortalSettings, {
      description:
        "Signed-in contacts and staff of this business (and its API keys): the portal settings each time staff save them, from any identity instance, so open portals show or hide sections without a reload.",
      subscribe: ({ context }) => {
        // Decided once, when subscribing: the caller's own business only. Its settings read the
        // same for every member, so one answer per change serves them all (audience).
        const businessId = requireMember((context as SubgraphContext).caller);
        return deps.live.subscribe((message) => message.topic === PORTAL_SETTINGS_TOPIC && message.businessId === businessId, {
          audience: "members",
        });
      },
    })
    async portalSettingsChanged(@Root() _message: LiveMessage, @Ctx() ctx: SubgraphContext): Promise<PortalSettings> {
      // A fresh unit of work per event (the socket's context outlives it), read after the change committed.
      const businessId = requireMember(ctx.caller);
      const business = await findBusiness(forkFor(deps.orm, businessId), businessId);
      if (!business) throw new Error("Business no longer exists");
      return toSettings(business);
    }
  }
  return PortalSettingsLiveResolver;
}
