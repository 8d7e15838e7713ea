import type { SubgraphContext } from "@portal/kit";
import { Ctx, Query, Resolver } from "type-graphql";
import { Portal, toPublicBusiness } from "../business/business.types.js";
import { toContactView } from "../contacts/contact.types.js";
import { toOperatorView, toStaffView } from "../staff/staff.types.js";
import { viewerOfRequest, type ViewerRecord } from "./viewer.service.js";
import { Viewer, ViewerKind } from "./viewer.types.js";

const KIND: Record<ViewerRecord["kind"], ViewerKind> = {
  anonymous: ViewerKind.ANONYMOUS,
  contact: ViewerKind.CONTACT,
  staff: ViewerKind.STAFF,
  operator: ViewerKind.OPERATOR,
  apiKey: ViewerKind.API_KEY,
};

/** Contacts and staff of the business see its settings; anonymous visitors only its branding. */
const seesSettings = (record: ViewerRecord) => record.kind === "contact" || record.kind === "staff" || record.kind === "apiKey";

export function toViewer(record: ViewerRecord): Viewer {
  return Object.assign(new Viewer(), {
    kind: KIND[record.kind],
    contact: record.contact && toContactView(record.contact),
    staff: record.staff && toStaffView(record.staff),
    operator: record.operator && toOperatorView(record.operator),
    business: record.business && toPublicBusiness(record.business, seesSettings(record)),
  });
}

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: "Who is calling. Anonymous callers get kind ANONYMOUS, never an error." })
  async viewer(@Ctx() ctx: SubgraphContext): Promise<Viewer> {
    return toViewer(await viewerOfRequest(ctx.em, ctx.caller.businessId, ctx.caller.actor));
  }

  @Query(() => Portal, { description: "Public face of the portal for the current host: no sign-in needed." })
  async portal(@Ctx() ctx: SubgraphContext): Promise<Portal> {
    const viewer = await viewerOfRequest(ctx.em, ctx.caller.businessId, ctx.caller.actor);
    const business = viewer.business && toPublicBusiness(viewer.business, seesSettings(viewer));
    return Object.assign(new Portal(), { business, settings: business?.settings ?? null });
  }
}
