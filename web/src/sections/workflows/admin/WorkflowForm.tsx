import { useMutation } from "@apollo/client/react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import type {
  WorkflowConditionOperator,
  WorkflowFieldsFragment,
  WorkflowInput,
  WorkflowTrigger,
  WorkflowTriggersQuery,
} from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { Field } from "../../../shared/Field";
import { messageFor, type Problem, problemOf } from "../../../shared/results";
import { ActionList } from "./ActionList";
import { ConditionRows, type ConditionFieldOption } from "./ConditionRows";
import { CreateWorkflowDocument, DeleteWorkflowDocument, UpdateWorkflowDocument } from "./operations";
import { type PickerOption, usePickerOptions } from "./pickerOptions";
import { draftFromWorkflow, draftToValue, newWorkflowDraft, type WorkflowDraft, type WorkflowValue } from "./workflowDraft";
import "./workflows.css";

type TriggerInfo = WorkflowTriggersQuery["workflowTriggers"][number];
type ValueOption = { value: string; label: string };

const YES_NO: ValueOption[] = [
  { value: "true", label: "Yes" },
  { value: "false", label: "No" },
];

/** A trigger's fields as condition choices; known ids are chosen from their lists rather than typed. */
function conditionFields(info: TriggerInfo | undefined, lists: Record<string, ValueOption[]>): ConditionFieldOption[] {
  return (info?.fields ?? []).map((field) => ({
    field: field.name,
    label: field.label,
    operators: field.operators,
    values: field.type === "BOOLEAN" ? YES_NO : field.type === "ID" ? lists[field.name] : undefined,
  }));
}

/** Errors the form shows beside their input; any other goes at the top. */
const SHOWN_AT_FIELD = /^(name|trigger|actions|actions\.\d+\.(courseId|groupId|subject|body|amount)|conditions\.\d+\.(field|value))$/;

/** The draft's plain strings as the API's enums (the selects only offer the API's own values). */
function toInput(value: WorkflowValue): WorkflowInput {
  return {
    ...value,
    trigger: value.trigger as WorkflowTrigger,
    conditions: value.conditions.map((condition) => ({ ...condition, operator: condition.operator as WorkflowConditionOperator })),
  };
}

const asValues = (options: PickerOption[]): ValueOption[] => options.map((option) => ({ value: option.id, label: option.label }));

interface WorkflowFormProps {
  existing?: WorkflowFieldsFragment;
  triggers: TriggerInfo[];
  offers: ValueOption[];
}

/** The builder: name, trigger, conditions and ordered actions, saved as one definition. */
export function WorkflowForm({ existing, triggers, offers }: WorkflowFormProps) {
  const id = useId();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<WorkflowDraft>(() =>
    existing ? draftFromWorkflow(existing) : newWorkflowDraft(triggers[0]?.trigger ?? "CONTACT_CREATED"),
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  // A new workflow's page opens on its own address once created: it says so there.
  const justCreated = (useLocation().state as { created?: boolean } | null)?.created === true;
  const [status, setStatus] = useState(justCreated ? "Workflow saved." : "");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { courses, groups, failed } = usePickerOptions();
  const refetchQueries = ["Workflows", "WorkflowNames"];
  const [create, creation] = useMutation(CreateWorkflowDocument, { refetchQueries });
  const [update, updating] = useMutation(UpdateWorkflowDocument, { refetchQueries });
  const [remove, removing] = useMutation(DeleteWorkflowDocument, { refetchQueries });
  useEffect(() => {
    if (problem?.field) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problem]);

  const info = triggers.find((trigger) => trigger.trigger === draft.trigger);
  const fields = conditionFields(info, { offerId: offers, courseId: asValues(courses), groupId: asValues(groups) });
  const set = (patch: Partial<WorkflowDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const changeTrigger = (trigger: string) => {
    const next = triggers.find((candidate) => candidate.trigger === trigger);
    const known = new Set(next?.fields.map((field) => field.name));
    const kept = draft.conditions.filter((condition) => known.has(condition.field));
    set({ trigger, conditions: kept });
    const dropped = draft.conditions.length - kept.length;
    setStatus(dropped > 0 ? `${dropped === 1 ? "1 condition" : `${dropped} conditions`} removed: the new trigger has no such field.` : "");
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus("");
    const converted = draftToValue(draft);
    if ("problem" in converted) {
      setProblem(converted.problem);
      return;
    }
    const input = toInput(converted.value);
    const result = existing
      ? (await update({ variables: { id: existing.id, input } })).data?.updateWorkflow
      : (await create({ variables: { input } })).data?.createWorkflow;
    if (!result) return;
    setProblem(problemOf(result));
    if (result.__typename !== "WorkflowSuccess") return;
    setStatus("Workflow saved.");
    if (!existing) await navigate(`/admin/workflows/${result.workflow.id}`, { replace: true, state: { created: true } });
  };

  const deleteWorkflow = async () => {
    if (!existing) return;
    const result = (await remove({ variables: { id: existing.id } })).data?.deleteWorkflow;
    setConfirmDelete(false);
    if (result?.__typename === "DeleteWorkflowSuccess") await navigate("/admin/workflows");
    else setProblem(problemOf(result));
  };

  const saving = creation.loading || updating.loading;
  const general = problem && !(problem.field && SHOWN_AT_FIELD.test(problem.field)) ? problem.message : undefined;
  return (
    <>
      <h1>{existing ? `Edit “${existing.name}”` : "New workflow"}</h1>
      <form ref={form} className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="visually-hidden">
          Workflow
        </h2>
        <Field
          label="Name"
          value={draft.name}
          onChange={(event) => set({ name: event.target.value })}
          error={messageFor(problem, "name")}
        />
        <div className="field">
          <label htmlFor={`${id}-trigger`}>When this happens</label>
          <select id={`${id}-trigger`} value={draft.trigger} onChange={(event) => changeTrigger(event.target.value)}>
            {triggers.map((trigger) => (
              <option key={trigger.trigger} value={trigger.trigger}>
                {trigger.label}
              </option>
            ))}
          </select>
          {messageFor(problem, "trigger") && <p className="field-error">{messageFor(problem, "trigger")}</p>}
        </div>
        <ConditionRows fields={fields} conditions={draft.conditions} problem={problem} onChange={(conditions) => set({ conditions })} />
        {failed && <p className="alert alert-info">Courses or community groups could not be loaded: their pickers may be empty.</p>}
        <ActionList
          trigger={draft.trigger}
          actions={draft.actions}
          placeholders={info?.placeholders ?? []}
          courses={courses}
          groups={groups}
          problem={problem}
          onChange={(actions) => set({ actions })}
        />
        <div className="field checkbox">
          <input
            id={`${id}-enabled`}
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => set({ enabled: event.target.checked })}
          />
          <label htmlFor={`${id}-enabled`}>On: run it whenever the trigger happens</label>
        </div>
        <p className="visually-hidden" role="alert">
          {problem?.field ? "Not saved: check the highlighted field." : ""}
        </p>
        {general && <p className="alert alert-error">{general}</p>}
        {(creation.error ?? updating.error ?? removing.error) && (
          <ErrorMessage error={(creation.error ?? updating.error ?? removing.error)!} />
        )}
        <p role="status" className="hint">
          {status}
        </p>
        <div className="actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? "Saving…" : "Save workflow"}
          </button>
          {existing && (
            <button type="button" className="button button-secondary" onClick={() => setConfirmDelete(true)}>
              Delete workflow
            </button>
          )}
        </div>
      </form>
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete “${existing?.name ?? ""}”?`}
        confirmLabel="Delete workflow"
        danger
        busy={removing.loading}
        onConfirm={() => void deleteWorkflow()}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>It stops running at once. Its past runs stay in the execution log.</p>
      </ConfirmDialog>
    </>
  );
}
