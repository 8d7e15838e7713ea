import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { BackLink } from "../../../shared/BackLink";
import { Field, TextAreaField } from "../../../shared/Field";
import { QueryState } from "../../../shared/QueryState";
import { messageFor, problemOf, type Problem } from "../../../shared/results";
import { CommunityGroupDocument } from "../shared/operations";
import { CoverImageInput } from "./CoverImageInput";
import { CreateCommunityGroupDocument, UpdateCommunityGroupDocument } from "./groupOperations";

/** A new group, or a group's name, description and cover. */
export function GroupFormPage() {
  const { groupId } = useParams();
  const query = useQuery(CommunityGroupDocument, { variables: { id: groupId ?? "" }, skip: !groupId });
  if (!groupId) return <GroupForm />;
  return (
    <QueryState loading={query.loading} error={query.error} data={query.data} onRetry={() => void query.refetch()}>
      {({ communityGroup }) =>
        communityGroup ? (
          <GroupForm group={communityGroup} onCoverChanged={() => void query.refetch()} />
        ) : (
          <p className="empty-state">This group does not exist.</p>
        )
      }
    </QueryState>
  );
}

interface GroupFormProps {
  group?: { id: string; name: string; description: string; coverImageUrl: string | null };
  onCoverChanged?: () => void;
}

function GroupForm({ group, onCoverChanged }: GroupFormProps) {
  const navigate = useNavigate();
  const [name, setName] = useState(group?.name ?? "");
  const [description, setDescription] = useState(group?.description ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [create, { loading: creating }] = useMutation(CreateCommunityGroupDocument);
  const [update, { loading: updating }] = useMutation(UpdateCommunityGroupDocument);
  useEffect(() => {
    document.title = group ? `Edit ${group.name}` : "New group";
  }, [group]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const input = { name: name.trim(), description: description.trim() || null };
    const result = group
      ? (await update({ variables: { id: group.id, input } })).data?.updateCommunityGroup
      : (await create({ variables: { input } })).data?.createCommunityGroup;
    if (result?.__typename === "CommunityGroupSuccess") {
      navigate(`/admin/communities/${result.group.id}`, {
        state: { notice: group ? "Group saved." : `${result.group.name} is ready. Add members to get it going.` },
      });
      return;
    }
    setProblem(problemOf(result) ?? { kind: "Error", message: "Could not save the group. Please try again." });
  };

  const nameError = messageFor(problem, "name");
  const descriptionError = messageFor(problem, "description");
  return (
    <>
      <BackLink to={group ? `/admin/communities/${group.id}` : "/admin/communities"} label={group ? group.name : "Communities"} />
      <h1>{group ? "Edit group" : "New group"}</h1>
      <form className="narrow" onSubmit={(event) => void submit(event)}>
        <Field label="Name" value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} error={nameError} />
        <TextAreaField
          label="Description"
          hint="What the group is for; members see it at the top of the group."
          rows={4}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={descriptionError}
        />
        <p className="hint">Groups are private: only their members and your team see them.</p>
        {problem && !nameError && !descriptionError && (
          <p className="alert alert-error" role="alert">
            {problem.message}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={creating || updating || !name.trim()}>
            {group ? "Save group" : "Create group"}
          </button>
        </div>
      </form>
      {group && <CoverImageInput group={group} onChanged={onCoverChanged} />}
    </>
  );
}
