import { ConnectionArgs, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { mapConnection } from "../shared/connections.js";
import { requireStaffPerson } from "../shared/guards.js";
import { ApiKey } from "./api-key.entity.js";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-key.service.js";
import {
  ApiKeyConnection,
  ApiKeyCreated,
  ApiKeyRevoked,
  CreateApiKeyInput,
  CreateApiKeyResult,
  RevokeApiKeyResult,
  toApiKeyView,
  toScopeValues,
} from "./api-key.types.js";

@Resolver()
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: "Staff: the business's API keys, newest first (secrets are never returned)." })
  async apiKeys(@Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "read");
    return mapConnection(await listApiKeys(ctx.em, args), toApiKeyView);
  }

  @Mutation(() => CreateApiKeyResult, { description: "Staff: creates an API key; the returned secret is shown only this once." })
  async createApiKey(
    @Arg("input", () => CreateApiKeyInput) input: CreateApiKeyInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof CreateApiKeyResult> {
    const { businessId, staffId } = requireStaffPerson(ctx.caller);
    const result = await createApiKey(ctx.em, businessId, staffId, { name: input.name, scopes: toScopeValues(input.scopes) });
    return "key" in result ? Object.assign(new ApiKeyCreated(), { apiKey: toApiKeyView(result.apiKey), secret: result.key }) : result;
  }

  @Mutation(() => RevokeApiKeyResult, { description: "Staff: revokes an API key; it stops working at once." })
  async revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<typeof RevokeApiKeyResult> {
    const { businessId } = requireStaffPerson(ctx.caller);
    const result = await revokeApiKey(ctx.em, businessId, id);
    return result instanceof ApiKey ? Object.assign(new ApiKeyRevoked(), { apiKey: toApiKeyView(result) }) : result;
  }
}
