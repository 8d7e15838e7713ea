import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { formatDateTime } from "../../../shared/format";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import { useLoadMore } from "../../../shared/useLoadMore";
import { Avatar } from "../shared/Person";
import {
  AddCommunityMembersDocument,
  CommunityContactOptionsDocument,
  CommunityGroupMembersDocument,
  RemoveCommunityMemberDocument,
} from "./groupOperations";

const PAGE_SIZE = 50;

/** Who is in the group: add contacts (inviting those without portal access), remove members. */
export function MembersPanel({ groupId, archived }: { groupId: string; archived: boolean }) {
  const [search, setSearch] = useState("");
  const deferred = useDebouncedValue(search.trim());
  const [notice, setNotice] = useState("");
  const { data, loading, error, refetch, fetchMore } = useQuery(CommunityGroupMembersDocument, {
    variables: { groupId, first: PAGE_SIZE, search: deferred || null },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: "cache-and-network",
  });
  const { loadingMore, loadMore } = useLoadMore(fetchMore);
  const members = data?.communityGroup?.members;
  const memberIds = new Set(members?.edges.map((edge) => edge.node.contactId) ?? []);
  return (
    <div className="community-members">
      {!archived && (
        <AddMembersForm
          groupId={groupId}
          memberIds={memberIds}
          onAdded={(count) => {
            setNotice(count === 0 ? "They were already members." : count === 1 ? "1 member added." : `${count} members added.`);
            void refetch();
          }}
        />
      )}
      <p className="hint" role="status">
        {notice}
      </p>
      <h2>Members</h2>
      <div className="field">
        <label htmlFor={`member-search-${groupId}`}>Find a member</label>
        <input
          id={`member-search-${groupId}`}
          type="search"
          placeholder="Name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {() =>
          !members || members.edges.length === 0 ? (
            <p className="empty-state">{deferred ? "No members match." : "No members yet."}</p>
          ) : (
            <>
              <p className="hint">{members.totalCount === 1 ? "1 member" : `${members.totalCount} members`}</p>
              <ul className="plain-list community-member-list" aria-label="Members">
                {members.edges.map(({ node: member }) => (
                  <li key={member.id} className="community-member">
                    <Avatar person={member.person} size="small" />
                    <span className="community-member-name">{member.person.name}</span>
                    <span className="hint">Joined {formatDateTime(member.joinedAt)}</span>
                    <RemoveMemberButton
                      groupId={groupId}
                      contactId={member.contactId}
                      name={member.person.name}
                      onRemoved={() => {
                        setNotice(`${member.person.name} was removed from the group.`);
                        void refetch();
                      }}
                    />
                  </li>
                ))}
              </ul>
              {members.pageInfo.hasNextPage && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void loadMore(members.pageInfo.endCursor)}
                >
                  {loadingMore ? "Loading…" : "Load more"}
                </button>
              )}
            </>
          )
        }
      </QueryState>
    </div>
  );
}

function AddMembersForm({ groupId, memberIds, onAdded }: { groupId: string; memberIds: Set<string>; onAdded: (count: number) => void }) {
  const id = useId();
  const [search, setSearch] = useState("");
  const deferred = useDebouncedValue(search.trim());
  const [chosen, setChosen] = useState<Map<string, { name: string; hasAccess: boolean }>>(new Map());
  const [invite, setInvite] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const options = useQuery(CommunityContactOptionsDocument, { variables: { search: deferred || null } });
  const [add, { loading }] = useMutation(AddCommunityMembersDocument);
  const contacts = options.data?.contacts.edges.map((edge) => edge.node) ?? [];
  const withoutAccess = [...chosen.values()].filter((contact) => !contact.hasAccess).length;

  const toggle = (contact: { id: string; name: string; access: { status: string } }, on: boolean) =>
    setChosen((current) => {
      const next = new Map(current);
      if (on) next.set(contact.id, { name: contact.name, hasAccess: contact.access.status !== "NONE" });
      else next.delete(contact.id);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.size === 0) return;
    setError(null);
    const result = (await add({ variables: { groupId, contactIds: [...chosen.keys()], inviteToPortal: invite } })).data
      ?.addCommunityMembers;
    if (result?.__typename === "CommunityMembersSuccess") {
      setChosen(new Map());
      setSearch("");
      onAdded(result.added.length);
      return;
    }
    setError(problemOf(result)?.message ?? "Could not add members. Please try again.");
  };

  return (
    <form className="card community-add-members" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Add members</h2>
      <div className="field">
        <label htmlFor={`${id}-search`}>Search contacts</label>
        <input id={`${id}-search`} type="search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <fieldset className="fieldset community-contact-options" aria-busy={options.loading}>
        <legend className="visually-hidden">Contacts to add</legend>
        {options.loading && !options.data && <p className="hint">Loading contacts…</p>}
        {options.data && contacts.length === 0 && <p className="hint">No contacts match.</p>}
        {contacts.map((contact) => {
          const member = memberIds.has(contact.id);
          return (
            <div key={contact.id} className="field checkbox">
              <input
                id={`${id}-${contact.id}`}
                type="checkbox"
                disabled={member}
                checked={member || chosen.has(contact.id)}
                onChange={(event) => toggle(contact, event.target.checked)}
              />
              <label htmlFor={`${id}-${contact.id}`}>
                {contact.name} <span className="hint">({contact.email})</span>
                {member && <span className="hint"> · already a member</span>}
                {!member && contact.access.status === "NONE" && <span className="hint"> · no portal access yet</span>}
              </label>
            </div>
          );
        })}
      </fieldset>
      {chosen.size > 0 && <p className="hint">Chosen: {[...chosen.values()].map((contact) => contact.name).join(", ")}</p>}
      <div className="field checkbox">
        <input id={`${id}-invite`} type="checkbox" checked={invite} onChange={(e) => setInvite(e.target.checked)} />
        <label htmlFor={`${id}-invite`}>Invite contacts without portal access to the portal</label>
      </div>
      {invite && withoutAccess > 0 && (
        <p className="hint">{withoutAccess === 1 ? "1 contact will be invited." : `${withoutAccess} contacts will be invited.`}</p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={loading || chosen.size === 0}>
          {loading ? "Adding…" : chosen.size <= 1 ? "Add to group" : `Add ${chosen.size} to group`}
        </button>
      </div>
    </form>
  );
}

function RemoveMemberButton({
  groupId,
  contactId,
  name,
  onRemoved,
}: {
  groupId: string;
  contactId: string;
  name: string;
  onRemoved: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [remove, { loading }] = useMutation(RemoveCommunityMemberDocument);
  const button = useRef<HTMLButtonElement>(null);
  const run = async () => {
    const result = (await remove({ variables: { groupId, contactId } })).data?.removeCommunityMember;
    setConfirming(false);
    if (result?.__typename === "RemoveCommunityMemberSuccess") onRemoved();
    else setError(problemOf(result)?.message ?? "Could not remove. Please try again.");
  };
  return (
    <>
      <button ref={button} type="button" className="button button-secondary button-small" onClick={() => setConfirming(true)}>
        Remove<span className="visually-hidden"> {name}</span>
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      {confirming && (
        <ConfirmDialog
          open
          title={`Remove ${name} from the group?`}
          confirmLabel="Remove member"
          danger
          busy={loading}
          onConfirm={() => void run()}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
        >
          <p>They lose access to the group at once. Their posts stay.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
