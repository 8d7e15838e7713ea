import { useEffect, useRef, useState } from "react";
import { messageFor, type Problem } from "../../../shared/results";
import { ActionSettings } from "./ActionSettings";
import { actionLabel, actionTypesFor } from "./labels";
import type { PickerOption } from "./pickerOptions";
import { moveRow, newAction, removeRow, replaceRow, type ActionDraft, type ActionType } from "./workflowDraft";

interface ActionListProps {
  trigger: string;
  actions: ActionDraft[];
  placeholders: readonly string[];
  courses: PickerOption[];
  groups: PickerOption[];
  problem: Problem | null;
  onChange: (actions: ActionDraft[]) => void;
}

type Move = "up" | "down";

/**
 * The workflow's actions, carried out top to bottom. Each step moves up or down with buttons (so
 * keyboard and screen-reader users can reorder without dragging); after a move, focus stays on
 * the button just pressed, on the step's new place, and the new position is announced.
 */
export function ActionList({ trigger, actions, placeholders, courses, groups, problem, onChange }: ActionListProps) {
  const list = useRef<HTMLOListElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focusAfter, setFocusAfter] = useState<{ key: string; button: Move | "type" } | null>(null);
  useEffect(() => {
    if (!focusAfter) return;
    const step = list.current?.querySelector(`[data-step="${focusAfter.key}"]`);
    const wanted = step?.querySelector<HTMLElement>(`[data-focus="${focusAfter.button}"]:not(:disabled)`);
    (wanted ?? step?.querySelector<HTMLElement>("[data-focus]:not(:disabled)"))?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const move = (index: number, direction: Move) => {
    const action = actions[index];
    if (!action) return;
    onChange(moveRow(actions, index, direction === "up" ? -1 : 1));
    const to = direction === "up" ? index : index + 2;
    setAnnouncement(`${actionLabel(action.type)} moved to step ${to}.`);
    setFocusAfter({ key: action.key, button: direction });
  };
  const remove = (index: number) => {
    const action = actions[index];
    if (!action) return;
    const rest = removeRow(actions, index);
    onChange(rest);
    setAnnouncement(`Step ${index + 1}, ${actionLabel(action.type)}, removed.`);
    const neighbour = rest[Math.min(index, rest.length - 1)];
    if (neighbour) setFocusAfter({ key: neighbour.key, button: "type" });
  };
  const add = () => {
    const action = newAction();
    onChange([...actions, action]);
    setFocusAfter({ key: action.key, button: "type" });
  };
  const types = actionTypesFor(trigger);
  const listError = messageFor(problem, "actions");

  return (
    <fieldset className="fieldset">
      <legend>Actions</legend>
      <p className="hint">Carried out in this order. A step waits for the one before it to finish.</p>
      <ol ref={list} className="workflow-steps">
        {actions.map((action, index) => {
          const n = index + 1;
          const name = `step ${n}, ${actionLabel(action.type)}`;
          return (
            <li key={action.key} data-step={action.key} className="workflow-step card" data-testid="workflow-step">
              <div className="workflow-step-header">
                <span className="workflow-step-number" aria-hidden="true">
                  {n}
                </span>
                <div className="field">
                  <label htmlFor={`${action.key}-type`}>
                    Action<span className="visually-hidden"> (step {n})</span>
                  </label>
                  <select
                    id={`${action.key}-type`}
                    data-focus="type"
                    value={action.type}
                    onChange={(event) => onChange(replaceRow(actions, index, { type: event.target.value as ActionType }))}
                  >
                    {/* A saved action the trigger no longer offers stays visible until changed. */}
                    {!types.includes(action.type) && <option value={action.type}>{actionLabel(action.type)}</option>}
                    {types.map((type) => (
                      <option key={type} value={type}>
                        {actionLabel(type)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="workflow-step-tools">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    data-focus="up"
                    disabled={index === 0}
                    onClick={() => move(index, "up")}
                  >
                    Move up<span className="visually-hidden"> ({name})</span>
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    data-focus="down"
                    disabled={index === actions.length - 1}
                    onClick={() => move(index, "down")}
                  >
                    Move down<span className="visually-hidden"> ({name})</span>
                  </button>
                  <button type="button" className="button button-secondary button-small" onClick={() => remove(index)}>
                    Remove<span className="visually-hidden"> ({name})</span>
                  </button>
                </div>
              </div>
              <ActionSettings
                action={action}
                index={index}
                placeholders={placeholders}
                courses={courses}
                groups={groups}
                problem={problem}
                onChange={(patch) => onChange(replaceRow(actions, index, patch))}
              />
            </li>
          );
        })}
      </ol>
      {actions.length === 0 && <p className="empty-state">No actions yet: add what should happen.</p>}
      {listError && <p className="field-error">{listError}</p>}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <button type="button" className="button button-secondary" onClick={add}>
        Add action
      </button>
    </fieldset>
  );
}
