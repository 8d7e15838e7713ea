import type { EntityManager, FilterQuery } from "@mikro-orm/postgresql";
import { TENANT_FILTER } from "./db.js";
import { ValidationError } from "./errors.js";

type EntityClass<T> = abstract new (...args: never[]) => T;

/**
 * Rows a mutation may point at by id from its input: another subgraph's people as this subgraph
 * knows them from events (contacts, staff…) or its own tenant rows. The entity must be tenant-scoped:
 * ids are looked up through the request's tenant-filtered EntityManager, so another business's rows
 * are simply not there.
 */
export interface RefTable<T extends object = object> {
  entity: EntityClass<T>;
  /** What the user calls one row: "contact" gives "No such contact in this business". */
  noun: string;
  /** Further conditions a referenced row must meet, e.g. `{ removed: false }`. */
  where?: FilterQuery<T>;
}

export function refTable<T extends object>(entity: EntityClass<T>, noun: string, where?: FilterQuery<T>): RefTable<T> {
  return { entity, noun, where };
}

/** Input field path (`contactId`, `recipients.2.staffId`) → the table and the id given; a null id means none was given. */
export type Refs = Record<string, readonly [RefTable<any>, string | null | undefined]>;

export type FoundRefs<R extends Refs> = { [Field in keyof R]: R[Field][0] extends RefTable<infer T> ? T | null : never };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Looks every referenced id up in the caller's business, one query per table. Returns the rows by
 * field (null where no id was given) or a ValidationError naming the first field whose id is not a
 * row of this business. A malformed id is not found rather than a database error.
 */
export async function findRefs<R extends Refs>(em: EntityManager, refs: R): Promise<FoundRefs<R> | ValidationError> {
  const wanted = new Map<RefTable<any>, Set<string>>();
  for (const [table, id] of Object.values(refs)) {
    if (!wanted.has(table)) wanted.set(table, new Set());
    if (id != null) wanted.get(table)!.add(id);
  }
  const byTable = new Map<RefTable<any>, Map<string, object>>();
  for (const [table, wantedIds] of wanted) {
    const { primaryKey, uuidKey } = describe(em, table);
    const ids = [...wantedIds].filter((id) => !uuidKey || UUID.test(id));
    const rows = found(byTable, table);
    if (ids.length === 0) continue;
    const matches = await em.find(table.entity, { ...(table.where ?? {}), [primaryKey]: { $in: ids } } as never);
    for (const row of matches as Record<string, unknown>[]) rows.set(String(row[primaryKey]), row);
  }
  const result: Record<string, object | null> = {};
  for (const [field, [table, id]] of Object.entries(refs)) {
    if (id == null) {
      result[field] = null;
      continue;
    }
    const row = found(byTable, table).get(id);
    if (!row) return ValidationError.of(field, `No such ${table.noun} in this business`);
    result[field] = row;
  }
  return result as FoundRefs<R>;
}

/** The same check when the rows themselves are not needed: a ValidationError naming the field, or null. */
export async function checkRefs(em: EntityManager, refs: Refs): Promise<ValidationError | null> {
  const found = await findRefs(em, refs);
  return found instanceof ValidationError ? found : null;
}

function found(byTable: Map<RefTable<any>, Map<string, object>>, table: RefTable<any>): Map<string, object> {
  if (!byTable.has(table)) byTable.set(table, new Map());
  return byTable.get(table)!;
}

function describe(em: EntityManager, table: RefTable): { primaryKey: string; uuidKey: boolean } {
  const meta = em.getMetadata().get(table.entity.name);
  // Without the tenant filter, an id of another business would be found: refuse to check at all.
  if (!meta.filters[TENANT_FILTER])
    throw new Error(`${table.entity.name} is not @TenantScoped(); references to it cannot be checked per business`);
  const primaryKey = meta.primaryKeys[0]!;
  const property = meta.properties[primaryKey as never] as { type?: string; columnTypes?: string[] };
  const uuidKey = property.columnTypes?.[0] === "uuid" || String(property.type).toLowerCase() === "uuid";
  return { primaryKey, uuidKey };
}
