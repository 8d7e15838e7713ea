import { buildFederatedSchema, UserError, type SubgraphDeps } from "@portal/kit";
import type { GraphQLSchema } from "graphql";
import { DocumentAuditResolver } from "./audit/audit.resolver.js";
import { ContactDocumentsResolver } from "./client/contact-documents.resolver.js";
import { DocumentResolver } from "./documents/document.resolver.js";
import { LifecycleResolver } from "./lifecycle/lifecycle.resolver.js";
import { documentChangedResolver } from "./live/document-changed.resolver.js";
import { referenceResolvers } from "./references.js";
import type { Sealer } from "./signing/completion.js";
import { signingResolver } from "./signing/signing.resolver.js";

/** Builds the documents schema. Needs no database round trip, so SDL can be printed offline. */
export function buildDocumentsSchema(deps: SubgraphDeps, sealer: Sealer): Promise<GraphQLSchema> {
  const resolvers = [
    DocumentResolver,
    DocumentAuditResolver,
    LifecycleResolver,
    signingResolver(sealer),
    ContactDocumentsResolver,
    documentChangedResolver(deps),
  ] as const;
  return buildFederatedSchema({ resolvers, orphanedTypes: [UserError] }, referenceResolvers);
}
