/**
 * A statement as traces keep it: its shape without its values. MikroORM sends most statements with
 * their values written in (emails, names, token hashes), and a trace store is not the place for
 * them: string and number literals become `?`. Placeholders (`$1`), identifiers (`"e0"."email"`,
 * `t0`) and casts (`::int4`) stay.
 */
export function sqlWithoutValues(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, "?").replace(/(?<![$\w."])-?\b\d+(?:\.\d+)?\b/g, "?");
}

/** Span attributes that carry a statement's text (current and older semantic conventions). */
export const SQL_TEXT_ATTRIBUTES = ["db.query.text", "db.statement"];
