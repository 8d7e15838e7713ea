import { SECTION_INFO, type ExistingSection } from "./sections";

/**
 * What a section shows when its part of the answer failed (its subgraph is down or erred) while the
 * rest of the page loaded: a plain sentence and a retry, in place of the section's content.
 */
export function SectionUnavailable({
  section,
  onRetry,
  as: Tag = "div",
}: {
  section: ExistingSection;
  onRetry: () => void;
  as?: "div" | "li";
}) {
  const { title } = SECTION_INFO[section];
  return (
    <Tag className="card section-card section-unavailable" role="alert" data-testid={`section-unavailable-${section.toLowerCase()}`}>
      <h2>{title}</h2>
      <p>{title} are unavailable right now.</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        Try again
      </button>
    </Tag>
  );
}

/**
 * True when a field a section contributes came back null together with an error: the schema makes
 * those fields nullable so that a failing section loses only its own field (errorPolicy "all").
 */
export function sectionFailed(error: unknown, parent: object | null | undefined, value: unknown): boolean {
  return Boolean(error) && parent != null && value == null;
}
