import { randomBytes } from "node:crypto";
import { randomToken } from "@portal/kit";

/**
 * Keys look like `cp_<prefix>_<secret>`: the hex prefix is shown in the admin console and finds the
 * row; the 256-bit secret is only ever stored as a hash.
 */
export function newApiKey(): { prefix: string; secret: string; key: string } {
  const prefix = randomBytes(6).toString("hex");
  const secret = randomToken(32);
  return { prefix, secret, key: `cp_${prefix}_${secret}` };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = /^cp_([0-9a-f]{12})_([A-Za-z0-9_-]{20,100})$/.exec(key.trim());
  return match ? { prefix: match[1]!, secret: match[2]! } : null;
}
