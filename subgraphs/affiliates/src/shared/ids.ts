const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from clients; a malformed one is simply not found rather than a database error. */
export const isUuid = (value: string | null | undefined): value is string => typeof value === "string" && UUID.test(value);

/** A PostgreSQL `uuid[]` literal for `= any(?::uuid[])`; only well-formed UUIDs go in, so it needs no escaping. */
export const uuidArray = (ids: readonly string[]): string => `{${ids.filter((id) => isUuid(id)).join(",")}}`;
