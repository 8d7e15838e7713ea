/**
 * Placeholders in a workflow's email: Mustache like the notification templates (`{{contact.name}}`).
 * Staff see the trigger's placeholders beside the text; one the trigger does not provide would
 * come out empty, so the builder names it before saving.
 */
const TOKEN = /\{\{\{?\s*([#^/]?)\s*([\w.]+)\s*\}?\}\}/g;

/** `contact.name` → `{{contact.name}}`, as staff type it. */
export function placeholderToken(name: string): string {
  return `{{${name}}}`;
}

/** Every placeholder name a text uses, once each, in order of first use (sections' closing tags left out). */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const [, sigil, name] = match;
    if (sigil === "/" || !name || names.includes(name)) continue;
    names.push(name);
  }
  return names;
}

/** The placeholders a text uses that the trigger does not provide. */
export function unknownPlaceholders(text: string, available: readonly string[]): string[] {
  return placeholdersIn(text).filter((name) => !available.includes(name));
}

/** Inserts a placeholder's token into `text` at the selection, returning the new text and where the caret goes. */
export function insertPlaceholder(text: string, name: string, start = text.length, end = start): { text: string; caret: number } {
  const token = placeholderToken(name);
  return { text: text.slice(0, start) + token + text.slice(end), caret: start + token.length };
}
