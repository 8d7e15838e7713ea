import type { CSSProperties, ReactNode } from "react";
import type { PdfPageGeometry } from "./PdfPages";

/** The field kinds of the contract (DocumentFieldKind). */
export type FieldKind = "SIGNATURE" | "INITIALS" | "DATE_SIGNED" | "TEXT";

/** What the overlay needs of a DocumentField: page (1-based) and x/y/width/height as fractions (0–1) from the top-left. */
export interface OverlayField {
  id: string;
  kind: FieldKind;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  label?: string | null;
  required?: boolean;
  value?: string | null;
  recipientId?: string;
}

/** How a box is drawn: the viewer's own field (highlighted), another party's, or filled in. */
export type FieldTone = "mine" | "other" | "filled" | "selected";

const KIND_LABELS: Record<FieldKind, string> = {
  SIGNATURE: "Signature",
  INITIALS: "Initials",
  DATE_SIGNED: "Date signed",
  TEXT: "Text",
};

export function fieldKindLabel(kind: FieldKind): string {
  return KIND_LABELS[kind];
}

/** The field's own label, else its kind ("Signature", "Date signed", …). */
export function fieldName(field: Pick<OverlayField, "kind" | "label">): string {
  return field.label?.trim() || KIND_LABELS[field.kind];
}

/** Absolute position of a field over its page, in percentages so it follows the page's size. */
export function fieldBoxStyle(field: Pick<OverlayField, "x" | "y" | "width" | "height">): CSSProperties {
  return {
    position: "absolute",
    left: `${field.x * 100}%`,
    top: `${field.y * 100}%`,
    width: `${field.width * 100}%`,
    height: `${field.height * 100}%`,
  };
}

/**
 * Where a pointer event falls on a page, as fractions (0–1) of the page's width and height from
 * its top-left corner. `element` is the overlay box (or anything exactly covering the page).
 */
export function pointToFraction(event: { clientX: number; clientY: number }, element: Element): { x: number; y: number } {
  const rect = element.getBoundingClientRect();
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  return {
    x: clamp((event.clientX - rect.left) / (rect.width || 1)),
    y: clamp((event.clientY - rect.top) / (rect.height || 1)),
  };
}

interface FieldOverlayProps {
  page: PdfPageGeometry;
  /** All fields of the document; only this page's are drawn. */
  fields: OverlayField[];
  /** How each box is drawn. Default: "filled" when it has a value, else "mine". */
  tone?: (field: OverlayField) => FieldTone;
  /** What shows inside a box. Default: its value, else its name. */
  content?: (field: OverlayField) => ReactNode;
  /** Makes boxes buttons (e.g. to jump to the field's input, or to select it in an editor). */
  onFieldClick?: (field: OverlayField) => void;
  /** Which boxes are buttons when onFieldClick is given. Default: all. */
  clickable?: (field: OverlayField) => boolean;
  /** Accessible text for a box. Default: "<name> field" plus "(required)". */
  describe?: (field: OverlayField) => string;
}

/** Field boxes over one page of a PdfPages, at the contract's fractional coordinates. */
export function FieldOverlay({ page, fields, tone, content, onFieldClick, clickable, describe }: FieldOverlayProps) {
  const fontSize = (field: OverlayField) => Math.max(9, Math.min(18, field.height * page.height * 0.55));
  return (
    <>
      {fields
        .filter((field) => field.page === page.number)
        .map((field) => {
          const look = tone?.(field) ?? (field.value ? "filled" : "mine");
          const inside = content ? content(field) : field.value || fieldName(field);
          const name = describe?.(field) ?? `${fieldName(field)} field${field.required ? " (required)" : ""}`;
          const style: CSSProperties = { ...fieldBoxStyle(field), fontSize: `${fontSize(field)}px` };
          const className = `pdf-overlay-item field-box field-box-${look} field-box-${field.kind.toLowerCase().replace("_", "-")}`;
          return onFieldClick && (clickable?.(field) ?? true) ? (
            <button
              key={field.id}
              type="button"
              className={className}
              style={style}
              aria-label={buttonName(inside, name)}
              data-field-id={field.id}
              onClick={() => onFieldClick(field)}
            >
              <span className="field-box-content" aria-hidden="true">
                {inside}
              </span>
            </button>
          ) : (
            <div key={field.id} className={className} style={style} data-field-id={field.id}>
              <span className="visually-hidden">{name}: </span>
              <span className="field-box-content">{inside}</span>
            </div>
          );
        })}
    </>
  );
}

/**
 * A box button's accessible name: its visible text first ("Sign here"), so what a speech-input user
 * reads on screen is what they can say, then what the box is ("Your Signature field, page 1").
 */
function buttonName(inside: ReactNode, description: string): string {
  const visible = typeof inside === "string" || typeof inside === "number" ? String(inside).trim() : "";
  if (!visible || description.toLowerCase().includes(visible.toLowerCase())) return description;
  return `${visible}: ${description}`;
}
