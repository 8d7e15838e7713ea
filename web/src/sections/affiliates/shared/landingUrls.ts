/**
 * The landing pages a campaign link may open: the portal itself (always allowed) and the
 * programme's allowed list, each once, in that order.
 */
export function landingChoices(allowed: readonly string[], portalOrigin: string): string[] {
  const portal = `${portalOrigin.replace(/\/+$/, "")}/`;
  const seen = new Set<string>();
  return [portal, ...allowed].filter((url) => {
    const key = url.trim();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "Spring Sale 2027!" → "spring-sale-2027": a suggestion that fits the slug rules ([a-z0-9-], 3..40). */
export function suggestSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/** Why a slug would be refused before asking the server, or null when it looks right. */
export function slugProblem(slug: string): string | null {
  if (slug.length < 3 || slug.length > 40) return "Use 3 to 40 characters.";
  if (!/^[a-z0-9-]+$/.test(slug)) return "Use lowercase letters, digits and hyphens only.";
  return null;
}
