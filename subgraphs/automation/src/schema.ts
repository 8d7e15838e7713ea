import { buildFederatedSchema, UserError, type SubgraphDeps } from "@portal/kit";
import type { GraphQLSchema } from "graphql";
import { EmailLogResolver } from "./delivery/email-log.resolver.js";
import { devMailboxResolver } from "./mail/dev-mailbox.resolver.js";
import type { AutomationOptions } from "./options.js";
import { TemplateResolver } from "./templates/template.resolver.js";

/** Builds the automation schema. Needs no database round trip, so SDL can be printed offline. */
export function buildAutomationSchema(options: AutomationOptions, deps: SubgraphDeps): Promise<GraphQLSchema> {
  const resolvers = [TemplateResolver, EmailLogResolver, devMailboxResolver(options.production)] as const;
  return buildFederatedSchema({ resolvers, orphanedTypes: [UserError] });
}
