import { z } from "zod";
import { defineEvent } from "./contract.js";
import { BusinessSnapshot, id, Recipient } from "./shared.js";
import { ActionOutcome } from "./workflows.js";

/** A contact as other subgraphs may know them. */
export const ContactSnapshot = z.object({
  id,
  name: z.string(),
  firstName: z.string(),
  email: z.string(),
  dnd: z.boolean(),
  /** The API's PortalAccessStatus. */
  accessStatus: z.enum(["NONE", "INVITED", "ACTIVE", "REVOKED"]),
});
export type ContactSnapshot = z.output<typeof ContactSnapshot>;

/** A team member as other subgraphs may know them. */
export const StaffSnapshot = z.object({
  id,
  name: z.string(),
  email: z.string(),
  /** The API's StaffRole. */
  role: z.enum(["OWNER", "STAFF"]),
  /** True once removed; consumers keep the row for history (names on documents). */
  removed: z.boolean(),
});
export type StaffSnapshot = z.output<typeof StaffSnapshot>;

/** Every event that asks for a one-time link to be emailed. */
const linkEmail = {
  recipient: Recipient,
  /** `seal(PORTAL_SECRET, url)`: opened only when the email is rendered, so the link never sits in a queue in clear. */
  sealedLink: z.string(),
  expiresAt: z.string().datetime(),
};

export const businessUpdated = defineEvent({
  name: "identity.business.updated",
  producer: "identity",
  version: 1,
  description: "A business was created or its name, branding or host names changed (also republished by resync).",
  payload: z.object({ business: BusinessSnapshot }),
});

export const contactChanged = defineEvent({
  name: "identity.contact.changed",
  producer: "identity",
  version: 1,
  description: "A contact was created or changed (name, email, do-not-disturb, portal access); the contact's whole current state.",
  payload: z.object({
    contact: ContactSnapshot,
    /** True when this is the contact's creation (the workflows' "contact created" trigger); absent on resyncs and older events. */
    created: z.boolean().optional(),
  }),
});

export const staffChanged = defineEvent({
  name: "identity.staff.changed",
  producer: "identity",
  version: 1,
  description: "A team member was added, changed role or was removed; the member's whole current state.",
  payload: z.object({ staff: StaffSnapshot }),
});

export const contactInvited = defineEvent({
  name: "identity.contact.invited",
  producer: "identity",
  version: 1,
  description: "A contact was invited to the portal: automation emails the invitation link.",
  payload: z.object({ contactId: id, business: BusinessSnapshot, ...linkEmail }),
});

export const signInRequested = defineEvent({
  name: "identity.sign_in.requested",
  producer: "identity",
  version: 1,
  description: "Someone asked for a sign-in link (or a team member was added): automation emails it. Operators' links have no business.",
  payload: z.object({
    audience: z.enum(["client", "staff", "operator"]),
    business: BusinessSnapshot.nullable(),
    contactId: id.optional(),
    staffId: id.optional(),
    operatorId: id.optional(),
    ...linkEmail,
  }),
});

export const emailChangeRequested = defineEvent({
  name: "identity.email_change.requested",
  producer: "identity",
  version: 1,
  description: "A client asked to change their email address: automation emails a confirmation link to the new address.",
  payload: z.object({ contactId: id, business: BusinessSnapshot, ...linkEmail }),
});

export const contactAccessRevoked = defineEvent({
  name: "identity.contact.access_revoked",
  producer: "identity",
  version: 1,
  description: "Staff removed a contact's portal access; their sessions have ended.",
  payload: z.object({ contactId: id }),
});

export const contactActivated = defineEvent({
  name: "identity.contact.activated",
  producer: "identity",
  version: 1,
  description: "A contact signed in for the first time.",
  payload: z.object({ contactId: id }),
});

/**
 * A referral code arrived with a new contact (the API's or the console's "create contact" with a
 * code, later an order form's purchase): affiliates credits the code's affiliate with the referral
 * when the code is one of the business's links and the contact was not referred already.
 */
export const contactReferred = defineEvent({
  name: "identity.contact.referred",
  producer: "identity",
  version: 1,
  description: "A contact was created with a referral code (from an affiliate link): affiliates records the referral.",
  payload: z.object({
    contactId: id,
    /** The code of the link they arrived through (`/r/<code>`), as given; affiliates checks it. */
    referralCode: z.string().min(1).max(64),
    /** When they arrived: the contact's creation. */
    occurredAt: z.string().datetime(),
  }),
});

/** "Invite to the portal": a workflow asks identity to invite a contact (as staff's invitation; never one whose access was revoked). */
export const inviteRequested = defineEvent({
  name: "identity.invite.requested",
  producer: "automation",
  version: 1,
  description:
    "A workflow asks identity to invite a contact to the portal (e.g. invoice sent → invite); a contact already invited, active or revoked is skipped.",
  payload: z.object({
    contactId: id,
    /** The portal page the invitation opens after sign-in, e.g. `/invoices/<id>`. */
    next: z.string().startsWith("/").max(500).optional(),
    /** What asked for it, for the record, e.g. `workflow_run:<id>:<step>`. */
    source: z.string().max(200).optional(),
  }),
});

/**
 * The buyer of a paid order as a contact: identity found the contact by the buyer's email, or created
 * one (then with the order's referral code, as `contactReferred`). Billing attaches the contact to the
 * order and announces the order paid.
 */
export const orderBuyerResolved = defineEvent({
  name: "identity.order_buyer.resolved",
  producer: "identity",
  version: 1,
  description:
    "Identity found or created the contact who paid an order: billing records them on the order and publishes billing.order.paid.",
  payload: z.object({
    orderId: id,
    contactId: id,
    /** The contact was created for this order (a new buyer). */
    created: z.boolean(),
    /** The contact's portal access when the order was paid: a buyer who already had access is sent to sign in. */
    accessStatus: z.enum(["NONE", "INVITED", "ACTIVE", "REVOKED"]),
  }),
});

export const workflowActionFinished = defineEvent({
  name: "identity.workflow_action.finished",
  producer: "identity",
  version: 1,
  description:
    "Identity carried out (or skipped, or could not carry out) a workflow's action: invite to the portal. Automation's run goes on.",
  payload: ActionOutcome,
});
