import type { AdminDocumentDetailFragment } from "../../../../gql/graphql";
import type { FieldBox, FieldKind } from "../fieldGeometry";

/** A field as the editor holds it: `key` is the server id, or a temporary one until saved. */
export interface FieldDraft extends FieldBox {
  key: string;
  recipientId: string;
  kind: FieldKind;
  label: string;
  required: boolean;
}

let counter = 0;
export function newFieldKey(): string {
  counter += 1;
  return `new-${counter}`;
}

export function draftsOf(document: AdminDocumentDetailFragment): FieldDraft[] {
  return document.fields.map((field) => ({
    key: field.id,
    recipientId: field.recipientId,
    kind: field.kind,
    page: field.page,
    x: field.x,
    y: field.y,
    width: field.width,
    height: field.height,
    label: field.label ?? "",
    required: field.required,
  }));
}

/** What setDocumentFields receives: label and required matter for text fields only. */
export function toFieldInputs(fields: FieldDraft[]) {
  return fields.map((field) => ({
    recipientId: field.recipientId,
    kind: field.kind,
    page: field.page,
    x: field.x,
    y: field.y,
    width: field.width,
    height: field.height,
    label: field.kind === "TEXT" ? field.label.trim() || null : null,
    required: field.kind === "TEXT" ? field.required : true,
  }));
}

/** Compares what would be saved, so moving a box back where it was is not a change. */
export function fieldsKey(fields: FieldDraft[]): string {
  return JSON.stringify(toFieldInputs(fields));
}

/** Recipients' colours in the editor; each box also names its recipient, so colour is never the only cue. */
export const RECIPIENT_COLOURS = ["#1f6feb", "#c2410c", "#15803d", "#8250df", "#b91c1c", "#0e7490"];

export function colourOf(index: number): string {
  return RECIPIENT_COLOURS[index % RECIPIENT_COLOURS.length]!;
}
