import { z } from "zod";

/** Ids are UUIDs everywhere on the platform. */
export const id = z.string().uuid();

/** A business as other subgraphs need it: to brand and address mail and to link to its portal. */
export const BusinessSnapshot = z.object({
  id,
  slug: z.string(),
  name: z.string(),
  displayName: z.string(),
  logoUrl: z.string().nullable(),
  primaryColor: z.string(),
  accentColor: z.string(),
  /** From the business's configuration only (first host name, else the platform's template), never a request. */
  portalUrl: z.string().url(),
});
export type BusinessSnapshot = z.output<typeof BusinessSnapshot>;

/** Someone an email is addressed to. */
export const Recipient = z.object({
  email: z.string(),
  name: z.string(),
  firstName: z.string(),
  /** Do Not Disturb: only contacts have it; staff and operators are always false. */
  dnd: z.boolean(),
});
export type Recipient = z.output<typeof Recipient>;

/** An absolute link in an email: the portal's or the admin console's page for the thing. */
export const link = z.string().url();

/** `<kind>:<id>`, e.g. `document:<id>`: automation keeps it on the email log and hands it back when the email ends. */
export const reference = z.string().regex(/^[a-z_]+:[0-9a-f-]{36}$/i);
