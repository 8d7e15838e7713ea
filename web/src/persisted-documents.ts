/**
 * graphql-ws's `jsonMessageReplacer`: a subscribe message whose payload names a persisted
 * document goes without the text (graphql-ws's client requires `query` before it serialises).
 */
export function sendHashOnly(this: unknown, key: string, value: unknown): unknown {
  if (key !== "payload" || (this as { type?: unknown }).type !== "subscribe" || !value || typeof value !== "object") return value;
  const payload = value as { query?: unknown; extensions?: { persistedQuery?: unknown } };
  if (!payload.extensions?.persistedQuery) return value;
  const { query: _, ...hashOnly } = payload;
  return hashOnly;
}
