import { z } from "zod";
import { defineEvent } from "./contract.js";
import { ActionOutcome } from "./workflows.js";
import { id, link, Recipient, reference } from "./shared.js";

/**
 * "Add contact to group": a workflow of another section (a purchase, an order form) asks for a
 * contact to join a community group. Communities consumes it: a contact or group of another
 * business, an archived group or a contact already a member change nothing.
 */
export const memberAddRequested = defineEvent({
  name: "communities.member.add_requested",
  producer: "automation",
  version: 1,
  description: "A workflow asks communities to add a contact to a group (e.g. purchase → add to community).",
  payload: z.object({
    groupId: id,
    contactId: id,
    /** Invite a contact without portal access to the portal; absent means yes. */
    inviteToPortal: z.boolean().optional(),
    /** What asked for it, for the record, e.g. `workflow:<id>`. */
    source: z.string().max(200).optional(),
  }),
});

export const memberAdded = defineEvent({
  name: "communities.member.added",
  producer: "communities",
  version: 1,
  description: "A contact joined a group (staff or a workflow added them): identity invites them to the portal unless told not to.",
  payload: z.object({
    groupId: id,
    groupName: z.string(),
    contactId: id,
    /** Staff's "invite to the portal" choice; absent means yes. */
    inviteToPortal: z.boolean().optional(),
    /** The group's page, relative to the business's portal URL (`/communities/<groupId>`). */
    portalPath: z.string().startsWith("/"),
  }),
});

export const notificationRequested = defineEvent({
  name: "communities.notification.requested",
  producer: "communities",
  version: 1,
  description:
    "Someone replied to a member's post or comment, mentioned them, or (for members who want everything) posted or commented: automation emails them.",
  payload: z.object({
    /** REPLY: to their post or comment; MENTION: @name; ACTIVITY: a new post or comment in a group they follow fully. */
    kind: z.enum(["REPLY", "MENTION", "ACTIVITY"]),
    groupId: id,
    groupName: z.string(),
    postId: id,
    commentId: id.nullable(),
    postTitle: z.string().nullable(),
    /** Who wrote. */
    actorName: z.string(),
    /** The start of what they wrote, plain text. */
    excerpt: z.string(),
    contactId: id,
    recipient: Recipient,
    link,
    reference,
  }),
});

/** "Remove contact from group": a workflow asks communities to end a contact's membership (their feed closes at once). */
export const memberRemoveRequested = defineEvent({
  name: "communities.member.remove_requested",
  producer: "automation",
  version: 1,
  description: "A workflow asks communities to remove a contact from a group (e.g. subscription cancelled → remove from community).",
  payload: z.object({
    groupId: id,
    contactId: id,
    /** What asked for it, for the record, e.g. `workflow_run:<id>:<step>`. */
    source: z.string().max(200).optional(),
  }),
});

export const workflowActionFinished = defineEvent({
  name: "communities.workflow_action.finished",
  producer: "communities",
  version: 1,
  description:
    "Communities carried out (or skipped, or could not carry out) a workflow's action: add to or remove from a group. Automation's run goes on.",
  payload: ActionOutcome,
});
