import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { graphql } from "../../../gql";
import { useSectionEnabled } from "../../../portal/useSectionEnabled";
import { BackLink } from "../../../shared/BackLink";
import { QueryState } from "../../../shared/QueryState";
import { useViewer } from "../../../shared/viewer";
import { GroupFeed } from "../shared/GroupFeed";
import { GroupHeader } from "../shared/GroupHeader";
import { SinglePost } from "../shared/SinglePost";
import { CommunityGroupDocument } from "../shared/operations";
import { GroupMembershipTools } from "./GroupMembershipTools";

const MarkCommunityGroupVisitedDocument = graphql(`
  mutation MarkCommunityGroupVisited($groupId: ID!) {
    markCommunityGroupVisited(groupId: $groupId) {
      __typename
      ... on CommunityMembershipSuccess { membership { groupId lastVisitedAt notificationLevel joinedAt } }
    }
  }
`);

/** One group: its header, the member's settings, and the live feed. Opening it marks it read. */
export function GroupPage() {
  const { groupId = "", postId } = useParams();
  const viewer = useViewer();
  const client = useApolloClient();
  const enabled = useSectionEnabled("COMMUNITIES");
  const [removed, setRemoved] = useState(false);
  const { data, loading, error, refetch } = useQuery(CommunityGroupDocument, {
    variables: { id: groupId },
    fetchPolicy: "cache-and-network",
  });
  const [markVisited] = useMutation(MarkCommunityGroupVisitedDocument);
  const found = Boolean(data?.communityGroup);

  useEffect(() => {
    if (!found) return;
    void markVisited({ variables: { groupId } }).then(() => {
      const id = client.cache.identify({ __typename: "CommunityGroup", id: groupId });
      if (id) client.cache.modify({ id, fields: { unreadCount: () => 0 } });
      const contact = viewer.contact && client.cache.identify({ __typename: "Contact", id: viewer.contact.id });
      if (contact) client.cache.evict({ id: contact, fieldName: "communitySummary" });
    });
  }, [found, groupId, markVisited, client, viewer.contact]);

  const onGroupUpdated = useCallback(() => void refetch(), [refetch]);
  const onEnded = useCallback(() => setRemoved(true), []);

  if (enabled === false) {
    return (
      <>
        <h1>Communities</h1>
        <p className="empty-state">
          Communities are not available in this portal. <Link to="/">Back to home</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <BackLink to="/communities" label="All groups" />
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the group…" onRetry={() => void refetch()}>
        {({ communityGroup: group }) =>
          !group || removed ? (
            <>
              <h1>Group not available</h1>
              <p className="empty-state" role={removed ? "alert" : undefined}>
                {removed ? "This group is no longer available to you." : "This group does not exist or you are not a member of it."}{" "}
                <Link to="/communities">See your groups</Link>
              </p>
            </>
          ) : (
            <>
              <GroupHeader group={group}>
                <GroupMembershipTools group={group} />
              </GroupHeader>
              {postId ? (
                <>
                  <p>
                    <Link to={`/communities/${group.id}`}>See all posts in {group.name}</Link>
                  </p>
                  <SinglePost group={group} postId={postId} personId={viewer.contact?.id ?? null} />
                </>
              ) : (
                <GroupFeed group={group} personId={viewer.contact?.id ?? null} onGroupUpdated={onGroupUpdated} onEnded={onEnded} />
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}
