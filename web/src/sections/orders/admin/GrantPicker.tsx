import type { GrantOption } from "./grantOptions";

interface GrantListProps {
  legend: string;
  empty: string;
  options: GrantOption[];
  chosen: string[];
  onToggle: (id: string, on: boolean) => void;
}

/**
 * One list of grants as checkboxes. An id chosen earlier that the list no longer has (a deleted
 * course, say) stays visible and checked, so staff can see it and take it off.
 */
export function GrantList({ legend, empty, options, chosen, onToggle }: GrantListProps) {
  const missing = chosen.filter((id) => !options.some((option) => option.id === id));
  const rows = [...options, ...missing.map((id) => ({ id, label: `No longer available (${id.slice(0, 8)})` }))];
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {rows.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul>
          {rows.map((option) => (
            <li key={option.id}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.includes(option.id)}
                  onChange={(event) => onToggle(option.id, event.target.checked)}
                />
                {option.label}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
