import { randomUUID } from "node:crypto";
import { Migration } from "@mikro-orm/migrations";
import { Entity, PrimaryKey, Property, type MikroORM } from "@mikro-orm/postgresql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrm, findRefs, checkRefs, forkFor, migrate, refTable, sql, TenantScoped, ValidationError } from "../src/index.js";

@Entity({ tableName: "person" })
@TenantScoped()
class Person {
  @PrimaryKey({ type: "uuid" }) id!: string;
  @Property({ type: "uuid" }) businessId!: string;
  @Property({ type: "text" }) name!: string;
  @Property({ type: "boolean" }) removed!: boolean;
}

@Entity({ tableName: "room" })
@TenantScoped()
class Room {
  @PrimaryKey({ type: "text" }) code!: string;
  @Property({ type: "uuid" }) businessId!: string;
}

@Entity({ tableName: "country" })
class Country {
  @PrimaryKey({ type: "text" }) code!: string;
}

class Tables extends Migration {
  async up() {
    this.addSql(
      `create table "kit_refs"."person" (id uuid primary key, business_id uuid not null, name text not null, removed boolean not null)`,
    );
    this.addSql(`create table "kit_refs"."room" (code text primary key, business_id uuid not null)`);
    this.addSql(`create table "kit_refs"."country" (code text primary key)`);
  }
}

const PEOPLE = refTable(Person, "person", { removed: false });
const ROOMS = refTable(Room, "room");

describe("findRefs / checkRefs", () => {
  let orm: MikroORM;
  const a = randomUUID();
  const b = randomUUID();
  const ada = randomUUID();
  const bob = randomUUID();
  const gone = randomUUID();
  beforeAll(async () => {
    orm = await createOrm({
      databaseUrl: inject("databaseUrl" as never) as string,
      schema: "kit_refs",
      entities: [Person, Room, Country],
      migrations: [{ name: "Tables", class: Tables }],
    });
    await migrate(orm, "kit_refs");
    const em = forkFor(orm, null);
    await sql(
      em,
      `insert into kit_refs.person (id, business_id, name, removed) values (?, ?, 'Ada', false), (?, ?, 'Bob', false), (?, ?, 'Gone', true)`,
      [ada, a, bob, b, gone, a],
    );
    await sql(em, `insert into kit_refs.room (code, business_id) values (?, ?)`, [`r-${a}`, a]);
  });
  afterAll(async () => {
    // The schema stays: dropping it while other test files run makes MikroORM's table listing in
    // those files fail ("schema does not exist"), since it casts every listed table to a regclass.
    // Its rows belong to this run's random businesses, and the migration runs once per database.
    await orm?.close();
  });

  it("finds rows of the caller's business only, one query per table, and names the first field that is missing", async () => {
    const em = forkFor(orm, a);
    let statements = 0;
    const knex = orm.em.getConnection().getKnex();
    const count = () => statements++;
    knex.on("query", count);
    const found = await findRefs(em, {
      "owner.id": [PEOPLE, ada],
      "guests.0": [PEOPLE, ada],
      room: [ROOMS, `r-${a}`],
      optional: [PEOPLE, null],
    });
    knex.off("query", count);
    expect(statements).toBe(2);
    expect(found).not.toBeInstanceOf(ValidationError);
    expect((found as any)["owner.id"].name).toBe("Ada");
    expect((found as any).optional).toBeNull();

    expect(await checkRefs(em, { "guests.0": [PEOPLE, ada], "guests.1": [PEOPLE, bob] })).toEqual(
      ValidationError.of("guests.1", "No such person in this business"),
    );
    expect(await checkRefs(forkFor(orm, b), { room: [ROOMS, `r-${a}`] })).toMatchObject({
      field: "room",
      message: "No such room in this business",
    });
  });

  it("treats malformed ids as not found and applies the table's own conditions", async () => {
    const em = forkFor(orm, a);
    for (const id of ["nope", "", "'; drop table kit_refs.person; --", `${ada}x`]) {
      expect(await checkRefs(em, { who: [PEOPLE, id] })).toMatchObject({ field: "who" });
    }
    expect(await checkRefs(em, { who: [PEOPLE, gone] })).toMatchObject({ field: "who", message: "No such person in this business" });
    expect(await checkRefs(em, { who: [PEOPLE, ada] })).toBeNull();
  });

  it("refuses to check a table that is not tenant-scoped", async () => {
    await expect(checkRefs(forkFor(orm, a), { country: [refTable(Country, "country"), "FR"] })).rejects.toThrow(/not @TenantScoped/);
  });
});
