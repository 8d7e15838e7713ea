import { buildFederatedSchema, UserError, type SubgraphDeps } from "@portal/kit";
import type { GraphQLSchema } from "graphql";
import { ApiKeyResolver } from "./api-keys/api-key.resolver.js";
import { SignInRateLimiter } from "./auth/sign-in-rate-limit.js";
import { SignInResolver } from "./auth/sign-in.resolver.js";
import { BusinessResolver } from "./business/business.resolver.js";
import { portalSettingsLiveResolver } from "./business/portal-settings-live.resolver.js";
import { accessResolver } from "./contacts/access.resolver.js";
import { ContactResolver } from "./contacts/contact.resolver.js";
import { DeadLetterResolver } from "./dead-letters/dead-letter.resolver.js";
import { signInLimitsOf, type IdentityOptions } from "./options.js";
import { ProfileResolver } from "./profile/profile.resolver.js";
import { referenceResolvers } from "./references.js";
import type { IdentityDeps } from "./shared/deps.js";
import { TeamResolver } from "./staff/team.resolver.js";
import { ViewerResolver } from "./viewer/viewer.resolver.js";

/** Builds the identity schema. Needs no database round trip, so SDL can be printed offline. */
export async function buildIdentitySchema(options: IdentityOptions, deps: SubgraphDeps): Promise<GraphQLSchema> {
  const identity: IdentityDeps = {
    options,
    orm: deps.orm,
    live: deps.live,
    boss: deps.boss,
    limiter: new SignInRateLimiter(deps.orm, signInLimitsOf(options)),
  };
  const resolvers = [
    ViewerResolver,
    SignInResolver,
    ContactResolver,
    accessResolver(identity),
    ProfileResolver,
    BusinessResolver,
    portalSettingsLiveResolver(identity),
    ApiKeyResolver,
    TeamResolver,
    DeadLetterResolver,
  ] as const;
  // Resolver instances are created once, each handed the dependencies it asks for in its constructor.
  const instances = new Map<Function, unknown>();
  const container = {
    get(resolverClass: new (deps: IdentityDeps) => unknown) {
      if (!instances.has(resolverClass)) instances.set(resolverClass, new resolverClass(identity));
      return instances.get(resolverClass);
    },
  };
  return buildFederatedSchema({ resolvers, container, orphanedTypes: [UserError] }, referenceResolvers);
}
