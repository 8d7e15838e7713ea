import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useRef, useState, type KeyboardEvent } from "react";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { BackLink } from "../../../shared/BackLink";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { useViewer } from "../../../shared/viewer";
import { GroupFeed } from "../shared/GroupFeed";
import { GroupHeader } from "../shared/GroupHeader";
import { CommunityGroupDocument } from "../shared/operations";
import { ArchiveCommunityGroupDocument, RestoreCommunityGroupDocument } from "./groupOperations";
import { MembersPanel } from "./MembersPanel";

const TABS = [
  { id: "feed", label: "Feed" },
  { id: "members", label: "Members" },
] as const;
type Tab = (typeof TABS)[number]["id"];

/** One group in the console: its feed as members see it (with moderation), and its members. */
export function AdminGroupPage() {
  const { groupId = "" } = useParams();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get("tab") === "members" ? "members" : "feed";
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const { data, loading, error, refetch } = useQuery(CommunityGroupDocument, {
    variables: { id: groupId },
    fetchPolicy: "cache-and-network",
  });
  const onGroupUpdated = useCallback(() => void refetch(), [refetch]);
  return (
    <>
      <BackLink to="/admin/communities" label="Communities" />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ communityGroup: group }) =>
          !group ? (
            <p className="empty-state">This group does not exist.</p>
          ) : (
            <>
              <GroupHeader group={group}>
                <div className="actions">
                  <Link to={`/admin/communities/${group.id}/edit`} className="button button-secondary button-small">
                    Edit group
                  </Link>
                  <ArchiveButton group={group} />
                </div>
              </GroupHeader>
              <div aria-live="polite">
                {notice && (
                  <p className="alert alert-success" role="status">
                    {notice}
                  </p>
                )}
              </div>
              <GroupTabs selected={tab} onSelect={(next) => setParams(next === "members" ? { tab: "members" } : {}, { replace: true })} />
              <div role="tabpanel" id={`group-panel-${tab}`} aria-labelledby={`group-tab-${tab}`}>
                {tab === "members" ? (
                  <MembersPanel groupId={group.id} archived={group.archived} />
                ) : (
                  <GroupFeed group={group} personId={viewer.staff?.id ?? null} onGroupUpdated={onGroupUpdated} />
                )}
              </div>
            </>
          )
        }
      </QueryState>
    </>
  );
}

function GroupTabs({ selected, onSelect }: { selected: Tab; onSelect: (tab: Tab) => void }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = selected === "feed" ? "members" : "feed";
    onSelect(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Group" className="tabs" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab.id}
          ref={(element) => {
            refs.current[tab.id] = element;
          }}
          type="button"
          role="tab"
          id={`group-tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={tab.id === selected ? `group-panel-${tab.id}` : undefined}
          tabIndex={tab.id === selected ? 0 : -1}
          className="tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

function ArchiveButton({ group }: { group: { id: string; name: string; archived: boolean } }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [archive, { loading: archiving }] = useMutation(ArchiveCommunityGroupDocument);
  const [restore, { loading: restoring }] = useMutation(RestoreCommunityGroupDocument);
  const button = useRef<HTMLButtonElement>(null);
  const run = async () => {
    const result = group.archived
      ? (await restore({ variables: { id: group.id } })).data?.restoreCommunityGroup
      : (await archive({ variables: { id: group.id } })).data?.archiveCommunityGroup;
    setConfirming(false);
    const problem = problemOf(result);
    setError(problem ? problem.message : result ? null : "Something went wrong. Please try again.");
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button-secondary button-small"
        disabled={archiving || restoring}
        onClick={() => (group.archived ? void run() : setConfirming(true))}
      >
        {group.archived ? "Restore group" : "Archive group"}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          open
          title={`Archive ${group.name}?`}
          confirmLabel="Archive group"
          danger
          busy={archiving}
          onConfirm={() => void run()}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
        >
          <p>Members will no longer see it. Its posts are kept, and you can restore it at any time.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
