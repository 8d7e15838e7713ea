import type { EntityMetadata } from "@mikro-orm/postgresql";
import { type EntityManager, type PreparedStatement, preparedStatement, runPrepared, TENANT_FILTER } from "@portal/kit";
import { Business } from "../business/business.entity.js";
import { Contact } from "../contacts/contact.entity.js";
import { Operator } from "../staff/operator.entity.js";
import { Staff } from "../staff/staff.entity.js";

/** Whose row is read beside the business: the signed-in contact, staff member or operator, or nobody. */
export type Party = typeof Contact | typeof Staff | typeof Operator;

export interface ViewerRow {
  business: Business | null;
  party: Contact | Staff | Operator | null;
}

/**
 * One statement of fixed text per kind of party, made once from the entities' metadata: the business
 * and the party's row side by side (always one row, nulls for what does not exist), so reading the
 * viewer costs one round trip and no SQL building. A tenant-scoped party is filtered by business id
 * here, as the tenant filter would (a raw statement is not filtered by MikroORM). Each is a named
 * prepared statement run straight on the driver (the kit's `runPrepared`), so PostgreSQL parses and
 * plans it once per connection and nothing builds or formats SQL per request.
 */
interface Statement {
  prepared: PreparedStatement;
  business: Columns;
  party: Columns | null;
  tenantScoped: boolean;
}

/** A table's columns as selected (alias `b.name` for column `name` of table `b`), and its primary key. */
interface Columns {
  selected: [alias: string, column: string][];
  primaryKey: { alias: string; column: string };
}

const statementsByOrm = new WeakMap<object, Map<Party | null, Statement>>();

function columnsOf(meta: EntityMetadata, table: string): Columns {
  const selected = meta.props
    .filter((prop) => prop.persist !== false && prop.fieldNames?.length === 1)
    .map((prop): [string, string] => [`${table}.${prop.fieldNames[0]}`, prop.fieldNames[0]!]);
  const column = meta.properties[meta.primaryKeys[0]!]!.fieldNames[0]!;
  return { selected, primaryKey: { alias: `${table}.${column}`, column } };
}

const selectList = (columns: Columns) =>
  columns.selected.map(([alias, column]) => `${alias.split(".")[0]}."${column}" as "${alias}"`).join(", ");

function tableOf(meta: EntityMetadata, defaultSchema: string | undefined): string {
  const schema = meta.schema && meta.schema !== "*" ? meta.schema : defaultSchema;
  return schema ? `"${schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}

function statementFor(em: EntityManager, party: Party | null): Statement {
  const metadata = em.getMetadata();
  let statements = statementsByOrm.get(metadata);
  if (!statements) {
    statements = new Map();
    statementsByOrm.set(metadata, statements);
  }
  const known = statements.get(party);
  if (known) return known;
  const defaultSchema = em.config.get("schema");
  const businessMeta = metadata.get(Business.name);
  const business = columnsOf(businessMeta, "b");
  const partyMeta = party ? metadata.get(party.name) : null;
  const partyColumns = partyMeta ? columnsOf(partyMeta, "p") : null;
  // The tenant filter's condition, `{ businessId }`, on the party's own column.
  const tenantColumn = partyMeta?.filters[TENANT_FILTER] ? partyMeta.properties.businessId?.fieldNames[0] : undefined;
  if (partyMeta?.filters[TENANT_FILTER] && !tenantColumn) throw new Error(`${partyMeta.className} is tenant-scoped without a businessId`);
  const tenantScoped = Boolean(tenantColumn);
  let sql = `select ${selectList(business)}`;
  if (partyColumns) sql += `, ${selectList(partyColumns)}`;
  sql += ` from (select 1) as one left join ${tableOf(businessMeta, defaultSchema)} as b on b."${business.primaryKey.column}" = $1`;
  if (partyMeta && partyColumns) {
    sql += ` left join ${tableOf(partyMeta, defaultSchema)} as p on p."${partyColumns.primaryKey.column}" = $2`;
    if (tenantColumn) sql += ` and p."${tenantColumn}" = $3`;
  }
  const statement = {
    prepared: preparedStatement(`viewer_${party?.name.toLowerCase() ?? "anonymous"}`, sql),
    business,
    party: partyColumns,
    tenantScoped,
  };
  statements.set(party, statement);
  return statement;
}

/** The business's tenant as the EntityManager's tenant filter sees it, or null when it has none. */
export function tenantOf(em: EntityManager): string | null {
  const params = em.getFilterParams<{ businessId?: string }>(TENANT_FILTER) as { businessId?: string } | undefined;
  return params?.businessId ?? null;
}

/** One table's part of the row, by column name as `em.map` takes it; null when no row was joined. */
function pick(row: Record<string, unknown>, columns: Columns): Record<string, unknown> | null {
  if (row[columns.primaryKey.alias] == null) return null;
  const data: Record<string, unknown> = {};
  for (const [alias, column] of columns.selected) data[column] = row[alias];
  return data;
}

/**
 * Reads the business (when `businessId` is given) and the party's row in one statement, as read-only
 * instances of their entities: properties mapped and typed as `findOne` would map them, but not
 * held by the EntityManager (a query only reads them into its answer, and making managed entities,
 * registered and snapshotted, was most of this read's cost). A tenant-scoped party is only found
 * within the EntityManager's tenant (`tenantOf(em)`), which the caller must have checked.
 */
export async function readViewerRow(
  em: EntityManager,
  businessId: string | null,
  party: Party | null,
  partyId: string | null,
): Promise<ViewerRow> {
  const statement = statementFor(em, party);
  const bindings: unknown[] = [businessId];
  if (party) bindings.push(partyId);
  if (statement.tenantScoped) bindings.push(tenantOf(em));
  const rows = await runPrepared(em, statement.prepared, bindings);
  const row = rows[0] ?? {};
  const businessData = pick(row, statement.business);
  const partyData = statement.party ? pick(row, statement.party) : null;
  return {
    business: businessData && (readOnly(em, Business, businessData) as Business),
    party: party && partyData ? (readOnly(em, party, partyData) as Contact | Staff | Operator) : null,
  };
}

/**
 * A row as an instance of its entity, mapped by the driver as `findOne` maps what it reads (column
 * names to properties, custom types converted) but not managed: `instanceof` holds, and nothing of
 * it is saved by a flush. Identity's entities hold plain columns only (no relations or embeddables),
 * so there is nothing else to hydrate.
 */
function readOnly(em: EntityManager, entity: Party | typeof Business, data: Record<string, unknown>): object {
  const meta = em.getMetadata().get(entity.name);
  const mapped = em.getDriver().mapResult(data, meta) ?? data;
  return Object.assign(Object.create(entity.prototype) as object, mapped);
}
