import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A URL-safe random secret; 32 bytes = 256 bits unless told otherwise. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Hash for storing secrets at rest (tokens are high-entropy, so a fast hash is enough). */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function hmac(secret: string, value: string): string {
  return createHmac("sha256", secret).update(value).digest("base64url");
}

/**
 * PORTAL_SECRET rotation: while PORTAL_SECRET_PREVIOUS is set, what verifies or unseals with the
 * current secret also accepts the other one (signing and sealing always use the current one). Filled
 * from the configuration each process reads (`readConfig`), keyed by the current secret.
 */
const previousSecrets = new Map<string, string>();

/** Makes `previous` acceptable wherever `current` is checked; `undefined` ends the rotation. */
export function acceptPreviousSecret(current: string, previous: string | undefined): void {
  if (previous && previous !== current) previousSecrets.set(current, previous);
  else previousSecrets.delete(current);
}

/**
 * Whether `signature` is the HMAC of `message` under `secret` or, during a rotation, the previous
 * secret. The current secret is tried first, so a valid call costs one HMAC as before.
 */
export function hmacMatches(secret: string, message: string, signature: string): boolean {
  if (safeEqual(hmac(secret, message), signature)) return true;
  const previous = previousSecrets.get(secret);
  return previous !== undefined && safeEqual(hmac(previous, message), signature);
}

/** The secrets a check made with `secret` accepts: it, and during a rotation the previous one. */
export function secretsAccepted(secret: string): string[] {
  const previous = previousSecrets.get(secret);
  return previous === undefined ? [secret] : [secret, previous];
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Seals a secret (e.g. a one-time link) so it can travel in an event payload without sitting in
 * the database readable: AES-256-GCM with a key derived from the shared secret.
 */
export function seal(secret: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

/** Opens what `seal` made with `secret` or, during a rotation, with the previous secret; throws otherwise. */
export function unseal(secret: string, sealed: string): string {
  try {
    return unsealWith(secret, sealed);
  } catch (error) {
    const previous = previousSecrets.get(secret);
    if (previous === undefined) throw error;
    return unsealWith(previous, sealed);
  }
}

/**
 * During a rotation: `sealed` sealed again with the current secret when only the previous one opens
 * it (so it still opens once the previous secret is dropped); null when it needs nothing. Throws
 * when neither secret opens it.
 */
export function resealed(secret: string, sealed: string): string | null {
  try {
    unsealWith(secret, sealed);
    return null;
  } catch (error) {
    const previous = previousSecrets.get(secret);
    if (previous === undefined) throw error;
    return seal(secret, unsealWith(previous, sealed));
  }
}

function unsealWith(secret: string, sealed: string): string {
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", deriveKey(secret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

function deriveKey(secret: string): Buffer {
  return createHash("sha256").update(`seal:${secret}`).digest();
}
