import type { ConsumerOf } from "@portal/kit";
import type { LinkSettings } from "../auth/one-time-links.js";

/** Identity's consumer of other subgraphs' events: its processed markers live in identity's schema. */
export const IDENTITY_CONSUMER: ConsumerOf = { schema: "identity", name: "identity" };

/**
 * Invitations identity sends on request. "Invoice sent → invite", "document sent → invite" and the
 * like are the businesses' default workflows (automation), which ask through `identity.invite.requested`.
 */
export interface InviteToPortalSettings {
  /** Read per event: invitations point at the business's configured portal, as staff's do. */
  links: () => LinkSettings;
}
