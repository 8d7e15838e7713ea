import { randomUUID } from "node:crypto";
import { Migration } from "@mikro-orm/migrations";
import { Entity, PrimaryKey, Property, type MikroORM, UniqueConstraintViolationException } from "@mikro-orm/postgresql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrm, forkFor, migrate, preparedStatement, runPrepared, sql } from "../src/index.js";

@Entity({ tableName: "note" })
class Note {
  @PrimaryKey({ type: "uuid" }) id!: string;
  @Property({ type: "uuid" }) businessId!: string;
  @Property({ type: "text" }) body!: string;
  @Property({ type: "datetime" }) writtenAt!: Date;
}

class Tables extends Migration {
  async up() {
    this.addSql(
      `create table "kit_prepared"."note" (id uuid primary key, business_id uuid not null, body text not null, written_at timestamptz not null)`,
    );
  }
}

const NOTES_OF = preparedStatement(
  "kit_notes_of",
  `select id, body, written_at from kit_prepared.note where business_id = $1 and body <> all($2::text[]) order by body`,
);
const ADD_NOTE = preparedStatement(
  "kit_add_note",
  `insert into kit_prepared.note (id, business_id, body, written_at) values ($1, $2, $3, now())`,
);

describe("prepared statements", () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await createOrm({
      databaseUrl: inject("databaseUrl" as never) as string,
      schema: "kit_prepared",
      entities: [Note],
      migrations: [{ name: "Tables", class: Tables }],
      poolMax: 2,
    });
    await migrate(orm, "kit_prepared");
  });
  // The schema stays (see tenant-refs.test.ts); rows belong to this run's random businesses.
  afterAll(() => orm?.close());

  it("reads with values sent as parameters, never formatted into the text, the same statement again and again on the pool", async () => {
    const business = randomUUID();
    const em = forkFor(orm, null);
    const hostile = "Robert'); drop table kit_prepared.note; --";
    for (const body of ["apples", "pears", hostile]) await runPrepared(em, ADD_NOTE, [randomUUID(), business, body]);
    // More calls than the pool has connections: each connection prepares it once and runs it after.
    for (let i = 0; i < 5; i++) {
      const rows = await runPrepared<{ body: string }>(em, NOTES_OF, [business, ["pears"]]);
      expect(rows.map((row) => row.body)).toEqual([hostile, "apples"].sort());
      // Values parsed by the same driver settings as the ORM's raw reads (timestamps as it gives them).
      expect(rows).toEqual(
        await sql(em, "select id, body, written_at from kit_prepared.note where business_id = ? and body <> 'pears' order by body", [
          business,
        ]),
      );
    }
    expect(await runPrepared(forkFor(orm, null), NOTES_OF, [randomUUID(), []])).toEqual([]);
  });

  it("runs inside the EntityManager's transaction: it sees that transaction's writes, and they roll back with it", async () => {
    const business = randomUUID();
    await expect(
      orm.em.fork().transactional(async (em) => {
        await runPrepared(em, ADD_NOTE, [randomUUID(), business, "inside"]);
        const seen = await runPrepared<{ body: string }>(em, NOTES_OF, [business, []]);
        expect(seen.map((row) => row.body)).toEqual(["inside"]);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await runPrepared(forkFor(orm, null), NOTES_OF, [business, []])).toEqual([]);
  });

  it("reports database errors as the ORM's exceptions, and the connection goes on serving", async () => {
    const em = forkFor(orm, null);
    const id = randomUUID();
    await runPrepared(em, ADD_NOTE, [id, randomUUID(), "once"]);
    await expect(runPrepared(em, ADD_NOTE, [id, randomUUID(), "twice"])).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    expect(await sql(em, "select 1 as one")).toEqual([{ one: 1 }]);
  });

  it("outside a transaction, parses every type as the ORM's own raw reads do (timestamps and dates kept as text)", async () => {
    const text = `select 1::int4 as i, 9007199254740993::int8 as big, 1.50::numeric as price, true as yes, null::text as nothing,
      '{"a":[1,"b"]}'::json as j, '{"b":2}'::jsonb as jb, array['x','y']::text[] as texts, array[$1::uuid] as ids,
      $2::timestamptz as at, '2026-12-07'::date as day, '1 day 02:00'::interval as span, array[$2::timestamptz] as ats`;
    const id = randomUUID();
    const at = new Date("2026-12-07T10:11:12.345Z");
    const pipelined = await runPrepared(forkFor(orm, null), preparedStatement("kit_all_types", text), [id, at]);
    expect(pipelined).toEqual(await sql(forkFor(orm, null), text.replaceAll("$1", "?").replaceAll("$2", "?"), [id, at, at]));
    expect(pipelined[0]).toMatchObject({ i: 1, big: "9007199254740993", price: "1.50", j: { a: [1, "b"] }, ids: [id], day: "2026-12-07" });
  });

  it("sends the statements of the process's ORMs on one shared connection, ended when the last of them closes", async () => {
    const url = new URL(inject("databaseUrl" as never) as string);
    url.searchParams.set("application_name", "kit_shared_reads_test"); // a database address of this test's own
    const open = (schema: string) => createOrm({ databaseUrl: url.toString(), schema, entities: [Note], migrations: [], poolMax: 2 });
    const [first, second] = [await open("kit_prepared"), await open("kit_prepared_other")];
    const PID = preparedStatement("kit_backend_pid", "select pg_backend_pid() as pid");
    const pids = await Promise.all(
      [first, second, first, second].map(async (each) => (await runPrepared<{ pid: number }>(forkFor(each, null), PID, []))[0]!.pid),
    );
    expect(new Set(pids).size).toBe(1);
    const connected = async () =>
      (await sql(forkFor(orm, null), "select count(*)::int as n from pg_stat_activity where pid = ?", [pids[0]]))[0]!.n;
    await first.close();
    expect(await connected()).toBe(1);
    expect(await runPrepared(forkFor(second, null), PID, [])).toEqual([{ pid: pids[0] }]);
    await second.close();
    await expect.poll(connected).toBe(0);
  });

  it("names each statement after its text and refuses knex-style ? parameters", () => {
    const first = preparedStatement("kit_same_key", "select $1::int as n");
    const changed = preparedStatement("kit_same_key", "select $1::int + 1 as n");
    expect(first.name).not.toEqual(changed.name);
    expect(first.name).toMatch(/^kit_same_key_[0-9a-f]{12}$/);
    expect(() => preparedStatement("kit_question", "select * from t where id = ?")).toThrow(/\$1/);
    expect(() => preparedStatement("Bad Key", "select 1")).toThrow(/key/);
    // JSON operators and question marks inside strings are not parameters.
    expect(() => preparedStatement("kit_json", `select '{"a":1}'::jsonb ?| array['a'], 'why?' as q`)).not.toThrow();
  });
});
