import { buildFederatedSchema, type SubgraphDeps, UserError } from "@portal/kit";
import type { GraphQLSchema } from "graphql";
import { CommunitySummaryResolver } from "./client/community-summary.resolver.js";
import { ContactRef } from "./client/contact-ref.js";
import { CommentResolver } from "./comments/comment.resolver.js";
import { CommentFieldsResolver, PostFieldsResolver } from "./feed/post-fields.resolver.js";
import { PostResolver } from "./feed/post.resolver.js";
import { GroupResolver } from "./groups/group.resolver.js";
import { feedChangedResolver } from "./live/feed-changed.resolver.js";
import { MemberResolver } from "./members/member.resolver.js";
import { ReportResolver } from "./moderation/report.resolver.js";
import { ReactionResolver } from "./reactions/reaction.resolver.js";
import { referenceResolvers } from "./references.js";

/** Builds the communities schema (Contact is orphaned: only its extension, `communitySummary`, lives here). Needs no database round trip, so SDL can be printed offline. */
export function buildCommunitiesSchema(deps: SubgraphDeps): Promise<GraphQLSchema> {
  const resolvers = [
    GroupResolver,
    MemberResolver,
    PostResolver,
    PostFieldsResolver,
    CommentResolver,
    CommentFieldsResolver,
    ReactionResolver,
    ReportResolver,
    CommunitySummaryResolver,
    feedChangedResolver(deps),
  ] as const;
  return buildFederatedSchema({ resolvers, orphanedTypes: [UserError, ContactRef] }, referenceResolvers);
}
