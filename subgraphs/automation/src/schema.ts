import { buildFederatedSchema, UserError, type SubgraphDeps } from "@portal/kit";
import type { GraphQLSchema } from "graphql";
import { EmailLogResolver } from "./delivery/email-log.resolver.js";
import { devMailboxResolver } from "./mail/dev-mailbox.resolver.js";
import { DEFAULT_RETRY } from "./delivery/send-queue.js";
import type { AutomationOptions } from "./options.js";
import { TemplateResolver } from "./templates/template.resolver.js";
import { workflowRunResolver } from "./workflows/run.resolver.js";
import { WorkflowResolver } from "./workflows/workflow.resolver.js";
import { webhookResolver } from "./webhooks/index.js";

/** Builds the automation schema. Needs no database round trip, so SDL can be printed offline. */
export function buildAutomationSchema(options: AutomationOptions, deps: SubgraphDeps): Promise<GraphQLSchema> {
  const engine = () => ({
    delivery: {
      boss: deps.boss,
      portalSecret: options.portalSecret,
      fromAddress: options.mail.fromAddress,
      retry: options.retry ?? DEFAULT_RETRY,
    },
    stepTimeoutSeconds: options.workflowStepTimeoutSeconds ?? 3600,
  });
  const resolvers = [
    TemplateResolver,
    EmailLogResolver,
    devMailboxResolver(options.production),
    WorkflowResolver,
    workflowRunResolver(engine),
    ...webhookResolver(() => ({ ...engine().delivery, production: options.production, email: engine().delivery })),
  ] as const;
  return buildFederatedSchema({ resolvers, orphanedTypes: [UserError] });
}
