import { OutboxEvent, ProcessedEvent, type SubgraphDefinition, type SubgraphDeps, withIdentityProjection } from "@portal/kit";
import { Comment } from "./comments/comment.entity.js";
import { consumeAddMemberRequests } from "./events/add-member-requests.js";
import { consumeRemoveMemberRequests } from "./events/remove-member-requests.js";
import { Post } from "./feed/post.entity.js";
import { CommunityGroupRow } from "./groups/group.entity.js";
import { CommunityImage } from "./images/image.entity.js";
import { COMMUNITY_FILES } from "./images/image-files.js";
import { GroupMember } from "./members/member.entity.js";
import { Migration20261206090000Communities } from "./migrations/Migration20261206090000Communities.js";
import { Report } from "./moderation/report.entity.js";
import type { CommunitiesOptions } from "./options.js";
import { Reaction } from "./reactions/reaction.entity.js";
import { buildCommunitiesSchema } from "./schema.js";

export { readCommunitiesConfig } from "./config.js";
export { CommunitiesConfigError, type CommunitiesOptions } from "./options.js";
export { renderBody } from "./feed/markdown.js";
export { inspectImage } from "./images/image-bytes.js";
export { seedDemoCommunity, type DemoCommunityCaller, type DemoCommunityInput } from "./seed.js";

/** Community groups: members, a live feed of posts, comments and reactions, moderation. */
export function createCommunitiesSubgraph(_options: CommunitiesOptions): SubgraphDefinition {
  // Names of members, staff and the business's portal address: communities' copy of identity's data.
  return withIdentityProjection({
    name: "communities",
    schema: "communities",
    entities: [CommunityGroupRow, GroupMember, Post, Comment, Reaction, CommunityImage, Report, OutboxEvent, ProcessedEvent],
    migrations: [{ name: "Migration20261206090000Communities", class: Migration20261206090000Communities }],
    buildSchema: (deps) => buildCommunitiesSchema(deps),
    // Images at `/files/communities/groups/...` and `/files/communities/images/...` on the gateway (uploads: POST).
    files: () => COMMUNITY_FILES,
    async startWorkers(deps: SubgraphDeps) {
      await consumeAddMemberRequests(deps);
      await consumeRemoveMemberRequests(deps);
    },
  });
}
