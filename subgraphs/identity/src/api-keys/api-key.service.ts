import { type EntityManager, findPage, NotFoundError, type PageArgs, sha256, ValidationError } from "@portal/kit";
import { announceRevoked } from "../shared/live-topics.js";
import { checkRequiredText, firstError } from "../shared/validation.js";
import { ApiKey, type ApiKeyScopeValue } from "./api-key.entity.js";
import { newApiKey } from "./api-key-format.js";

export function listApiKeys(em: EntityManager, args: PageArgs) {
  return findPage(em, ApiKey, {}, "createdAt", args, "desc");
}

/** Returns the full key exactly once; afterwards only its prefix and hash exist. */
export async function createApiKey(
  em: EntityManager,
  businessId: string,
  createdByStaffId: string | null,
  input: { name: string; scopes: ApiKeyScopeValue[] },
): Promise<{ apiKey: ApiKey; key: string } | ValidationError> {
  const invalid = firstError(
    checkRequiredText("name", "Name", input.name, 100),
    input.scopes.length ? null : ValidationError.of("scopes", "Choose at least one scope"),
  );
  if (invalid) return invalid;
  const { prefix, secret, key } = newApiKey();
  const apiKey = Object.assign(new ApiKey(), {
    businessId,
    createdByStaffId,
    name: input.name.trim(),
    prefix,
    secretHash: sha256(secret),
    scopes: [...new Set(input.scopes)],
  });
  await em.persistAndFlush(apiKey);
  return { apiKey, key };
}

/** Revoked keys stop working at once: the gateway drops its cached authentication on the announcement. */
export async function revokeApiKey(em: EntityManager, businessId: string, id: string): Promise<ApiKey | NotFoundError> {
  return em.transactional(async (tx) => {
    const apiKey = await tx.findOne(ApiKey, { id });
    if (!apiKey) return NotFoundError.of("No such API key");
    if (!apiKey.revokedAt) {
      apiKey.revokedAt = new Date();
      await announceRevoked(tx, businessId, { apiKeyIds: [apiKey.id] });
    }
    return apiKey;
  });
}
