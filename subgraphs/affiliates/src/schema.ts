import { buildFederatedSchema, type SubgraphDeps, UserError } from "@portal/kit";
import type { GraphQLSchema } from "graphql";
import { AffiliateResolver } from "./affiliates/affiliate.resolver.js";
import { ContactAffiliateResolver } from "./client/contact-affiliate.resolver.js";
import { ContactRef } from "./client/contact-ref.js";
import { CommissionResolver } from "./commissions/commission.resolver.js";
import { LinkResolver } from "./links/link.resolver.js";
import { PayoutResolver } from "./payouts/payout.resolver.js";
import { ProgrammeResolver } from "./programme/programme.resolver.js";
import { referenceResolvers } from "./references.js";
import { ReferralResolver } from "./referrals/referral.resolver.js";

/** Builds the affiliates schema (Contact is orphaned: only its extension lives here). Needs no database. */
export function buildAffiliatesSchema(_deps: SubgraphDeps): Promise<GraphQLSchema> {
  const resolvers = [
    ProgrammeResolver,
    AffiliateResolver,
    LinkResolver,
    ReferralResolver,
    CommissionResolver,
    PayoutResolver,
    ContactAffiliateResolver,
  ] as const;
  return buildFederatedSchema({ resolvers, orphanedTypes: [UserError, ContactRef] }, referenceResolvers);
}
