import { Field } from "../../../shared/Field";
import { formatMoney, parseMoney } from "../../../shared/money";
import { lineTotal } from "../shared/totals";
import { messageFor, type Problem } from "../../../shared/results";
import { emptyLine, type LineDraft } from "./invoiceDraft";

interface LineItemsEditorProps {
  lines: LineDraft[];
  currency: string;
  problem: Problem | null;
  onChange: (lines: LineDraft[]) => void;
}

/** Line items with add/remove; each input shows the server's error for `lines.<i>.<field>`. */
export function LineItemsEditor({ lines, currency, problem, onChange }: LineItemsEditorProps) {
  const update = (index: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const listError = messageFor(problem, "lines");
  return (
    <fieldset className="fieldset">
      <legend>Line items</legend>
      {lines.map((line, index) => {
        const n = index + 1;
        const quantity = /^\d+$/.test(line.quantity.trim()) ? Number(line.quantity) : 0;
        const amount = lineTotal({ quantity, unitPrice: parseMoney(line.unitPrice, currency) ?? 0 });
        return (
          <div key={line.key} className="line-editor" data-testid={`line-${index}`}>
            <Field
              className="line-description"
              label={
                <>
                  Description<span className="visually-hidden"> (line {n})</span>
                </>
              }
              value={line.description}
              onChange={(e) => update(index, { description: e.target.value })}
              error={messageFor(problem, `lines.${index}.description`)}
            />
            <Field
              label={
                <>
                  Quantity<span className="visually-hidden"> (line {n})</span>
                </>
              }
              inputMode="numeric"
              value={line.quantity}
              onChange={(e) => update(index, { quantity: e.target.value })}
              error={messageFor(problem, `lines.${index}.quantity`)}
            />
            <Field
              label={
                <>
                  Unit price<span className="visually-hidden"> (line {n})</span>
                </>
              }
              inputMode="decimal"
              placeholder="0.00"
              value={line.unitPrice}
              onChange={(e) => update(index, { unitPrice: e.target.value })}
              error={messageFor(problem, `lines.${index}.unitPrice`)}
            />
            <output className="line-amount" aria-label={`Amount (line ${n})`}>
              {formatMoney(amount, currency)}
            </output>
            <button
              type="button"
              className="button button-secondary button-small line-remove"
              aria-label={`Remove line ${n}`}
              disabled={lines.length === 1}
              onClick={() => onChange(lines.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </div>
        );
      })}
      {listError && <p className="field-error">{listError}</p>}
      <button type="button" className="button button-secondary button-small" onClick={() => onChange([...lines, emptyLine()])}>
        Add line
      </button>
    </fieldset>
  );
}
