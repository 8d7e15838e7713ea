import { ConnectionType, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import type { ApiKey, ApiKeyScopeValue } from "./api-key.entity.js";

export enum ApiKeyScope {
  READ = "READ",
  WRITE = "WRITE",
}
registerEnumType(ApiKeyScope, {
  name: "ApiKeyScope",
  description: "What an API key may do: READ queries staff data, WRITE also changes it.",
});

@ObjectType("ApiKey", { description: "An API key for integrations; the secret is never shown again after creation." })
export class ApiKeyView {
  @Field(() => ID, { description: "API key id." })
  id!: string;
  @Field(() => String, { description: "Name given by staff." })
  name!: string;
  @Field(() => String, { description: "Public start of the key (`cp_<prefix>_…`), to recognise it." })
  prefix!: string;
  @Field(() => [ApiKeyScope], { description: "Granted scopes." })
  scopes!: ApiKeyScope[];
  @Field(() => Date, { description: "When it was created." })
  createdAt!: Date;
  @Field(() => Date, { nullable: true, description: "Last use (updated at most once a minute)." })
  lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When it was revoked, if it was." })
  revokedAt!: Date | null;
}

export function toApiKeyView(apiKey: ApiKey): ApiKeyView {
  const { id, name, prefix, createdAt, lastUsedAt, revokedAt } = apiKey;
  return Object.assign(new ApiKeyView(), {
    id,
    name,
    prefix: `cp_${prefix}`,
    scopes: apiKey.scopes.map((scope) => scope.toUpperCase() as ApiKeyScope),
    createdAt,
    lastUsedAt,
    revokedAt,
  });
}

export function toScopeValues(scopes: ApiKeyScope[]): ApiKeyScopeValue[] {
  return scopes.map((scope) => scope.toLowerCase() as ApiKeyScopeValue);
}

export const ApiKeyConnection = ConnectionType(ApiKeyView, "ApiKey");

@InputType({ description: "A new API key." })
export class CreateApiKeyInput {
  @Field(() => String, { description: "Name to recognise it by, e.g. the integration." })
  name!: string;
  @Field(() => [ApiKeyScope], { description: "Scopes to grant." })
  scopes!: ApiKeyScope[];
}

@ObjectType({ description: "The key was created. Copy the secret now: it is not shown again." })
export class ApiKeyCreated {
  @Field(() => ApiKeyView, { description: "The key's details." })
  apiKey!: ApiKeyView;
  @Field(() => String, { description: "The full key, `cp_<prefix>_<secret>`; send as `Authorization: Bearer <key>`." })
  secret!: string;
}

@ObjectType({ description: "The key was revoked." })
export class ApiKeyRevoked {
  @Field(() => ApiKeyView, { description: "The revoked key." })
  apiKey!: ApiKeyView;
}

export const CreateApiKeyResult = createUnionType({
  name: "CreateApiKeyResult",
  description: "Outcome of creating an API key.",
  types: () => [ApiKeyCreated, ValidationError] as const,
});
export const RevokeApiKeyResult = createUnionType({
  name: "RevokeApiKeyResult",
  description: "Outcome of revoking an API key.",
  types: () => [ApiKeyRevoked, NotFoundError] as const,
});
