import { forbidden, forkFor, type LiveMessage, requireSignedIn, type SubgraphContext, type SubgraphDeps } from "@portal/kit";
import { Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import { Comment } from "../comments/comment.entity.js";
import { Post } from "../feed/post.entity.js";
import { groupAccess } from "../groups/group-access.js";
import { CommunityFeedChangeKind } from "../shared/enums.js";
import { contactIdOf } from "../shared/access.js";
import { Readers } from "../shared/readers.js";
import { commentView, postView } from "../shared/views.js";
import { CommunityFeedEvent } from "./feed-event.types.js";
import { endsMembership, type FeedChangedMessage, isFeedMessage } from "./feed-live.js";

/**
 * Decided once, when subscribing: the business's staff (and READ keys) and the group's current
 * members; anyone else is refused with a clear error. A member's subscription ends the moment they
 * are removed or leave, or the group is archived (`endWhen`). Every subscriber of a group shares one
 * audience, `group:<id>`: the payload holds nothing that depends on who reads it.
 */
export async function subscribeToFeed(deps: SubgraphDeps, ctx: SubgraphContext, groupId: string) {
  requireSignedIn(ctx.caller);
  const businessId = ctx.caller.businessId;
  if (!businessId) throw forbidden("No business selected for this request");
  const access = await groupAccess(forkFor(deps.orm, businessId), ctx.caller, groupId);
  if (!access) throw forbidden("Only members of this group and the business's staff can follow its feed");
  const contactId = contactIdOf(ctx.caller);
  return deps.live.subscribe<FeedChangedMessage>((message) => isFeedMessage(message, businessId, groupId), {
    audience: `group:${groupId}`,
    endWhen: contactId && !access.staff ? (message) => endsMembership(message, businessId, groupId, contactId) : undefined,
  });
}

/** What every subscriber of the group receives for one change, read once per change in this process. */
const eventsByMessage = new WeakMap<LiveMessage, Promise<CommunityFeedEvent>>();

async function readChange(deps: SubgraphDeps, message: LiveMessage): Promise<CommunityFeedEvent> {
  const data = message.data as unknown as FeedChangedMessage;
  const em = forkFor(deps.orm, message.businessId);
  const readers = new Readers(em, message.businessId!);
  const comment = data.commentId ? await em.findOne(Comment, { id: data.commentId }) : null;
  const post = data.postId ? await em.findOne(Post, { id: data.postId }) : null;
  const reactions = data.kind === "REACTIONS_CHANGED" && data.targetId ? await readers.reactionCounts.load(data.targetId) : null;
  return Object.assign(new CommunityFeedEvent(), {
    kind: data.kind as CommunityFeedChangeKind,
    groupId: data.groupId,
    postId: data.postId,
    commentId: data.commentId,
    post: post ? Object.assign(postView(post), { readers }) : null,
    comment: comment ? Object.assign(commentView(comment), { readers }) : null,
    reactions,
  });
}

/** Built per schema because the subscription's source is this process's LiveBus. */
export function feedChangedResolver(deps: SubgraphDeps) {
  @Resolver()
  class FeedChangedResolver {
    @Subscription(() => CommunityFeedEvent, {
      description:
        "A group's feed as it changes: new posts, comments and replies, reaction counts, edits, pins, closed comments and removals. Members of the group and the business's staff only; a member's subscription ends when they leave or are removed.",
      subscribe: ({ args, context }) => subscribeToFeed(deps, context as SubgraphContext, (args as { groupId: string }).groupId),
    })
    communityFeedChanged(
      @Root() message: LiveMessage,
      @Arg("groupId", () => ID, { description: "The group." }) _groupId: string,
    ): Promise<CommunityFeedEvent> {
      let event = eventsByMessage.get(message);
      if (!event) {
        event = readChange(deps, message);
        eventsByMessage.set(message, event);
      }
      return event;
    }
  }
  return FeedChangedResolver;
}
