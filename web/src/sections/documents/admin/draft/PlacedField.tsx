import { useRef, type CSSProperties, type KeyboardEvent, type PointerEvent } from "react";
import { FIELD_KIND_LABELS, moveBy, resizeBy } from "../fieldGeometry";
import type { FieldDraft } from "./fieldDrafts";

interface PlacedFieldProps {
  field: FieldDraft;
  recipientName: string;
  colour: string;
  selected: boolean;
  onSelect: () => void;
  onChange: (field: FieldDraft) => void;
  onRemove: () => void;
}

/** Keyboard steps, as fractions of the page: 0.5% per arrow press, 5% with Ctrl/Cmd. */
const STEP = 0.005;
const BIG_STEP = 0.05;

interface Drag {
  mode: "move" | "resize";
  pointerId: number;
  startX: number;
  startY: number;
  rect: DOMRect;
  box: FieldDraft;
}

/**
 * One placed field on a page: drag to move, drag the corner handle to resize. Focused, arrow keys
 * move it, Shift+arrows resize it, Delete or Backspace removes it.
 */
export function PlacedField({ field, recipientName, colour, selected, onSelect, onChange, onRemove }: PlacedFieldProps) {
  const drag = useRef<Drag | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const kind = FIELD_KIND_LABELS[field.kind];
  const name = field.kind === "TEXT" && field.label.trim() ? `${kind} “${field.label.trim()}”` : kind;

  const begin = (mode: Drag["mode"]) => (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    event.preventDefault();
    const layer = event.currentTarget.closest(".field-layer");
    if (!layer) return;
    drag.current = {
      mode,
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      rect: layer.getBoundingClientRect(),
      box: field,
    };
    event.currentTarget.setPointerCapture(event.pointerId);
    onSelect();
    box.current?.focus({ preventScroll: true });
  };
  const follow = (event: PointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const dx = (event.clientX - current.startX) / (current.rect.width || 1);
    const dy = (event.clientY - current.startY) / (current.rect.height || 1);
    onChange(current.mode === "move" ? moveBy(current.box, dx, dy) : resizeBy(current.box, dx, dy));
  };
  const end = (event: PointerEvent<HTMLElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.ctrlKey || event.metaKey ? BIG_STEP : STEP;
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const delta = arrows[event.key];
    if (delta) {
      event.preventDefault();
      onSelect();
      onChange(event.shiftKey ? resizeBy(field, delta[0], delta[1]) : moveBy(field, delta[0], delta[1]));
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      onRemove();
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect();
    }
  };

  const style = {
    left: `${field.x * 100}%`,
    top: `${field.y * 100}%`,
    width: `${field.width * 100}%`,
    height: `${field.height * 100}%`,
    "--field-colour": colour,
  } as CSSProperties;
  return (
    <div
      ref={box}
      className={`placed-field ${selected ? "placed-field-selected" : ""}`}
      style={style}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      // Starts with the box's visible text (kind, then recipient) so speech input can name it.
      aria-label={`${name}, ${recipientName}: field on page ${field.page}`}
      aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight Shift+ArrowUp Shift+ArrowDown Shift+ArrowLeft Shift+ArrowRight Delete"
      data-field-key={field.key}
      data-field-kind={field.kind}
      onPointerDown={begin("move")}
      onPointerMove={follow}
      onPointerUp={end}
      onPointerCancel={end}
      onClick={(event) => {
        event.stopPropagation();
        onSelect();
      }}
      onKeyDown={onKeyDown}
    >
      <span className="placed-field-text" aria-hidden="true">
        {name} <small>{recipientName}</small>
      </span>
      <span
        className="placed-field-handle"
        aria-hidden="true"
        title="Drag to resize"
        data-testid="resize-handle"
        onPointerDown={begin("resize")}
        onPointerMove={follow}
        onPointerUp={end}
        onPointerCancel={end}
      />
    </div>
  );
}
