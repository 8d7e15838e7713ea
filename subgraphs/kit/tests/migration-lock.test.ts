import { Entity, PrimaryKey, type MikroORM } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrateSubgraph, openOrm, ownDatabase, type SubgraphDefinition } from "../src/index.js";

const SCHEMA = "kit_migration_lock";

@Entity({ tableName: "ledger" })
class Ledger {
  @PrimaryKey({ type: "int" }) id!: number;
}

/** Not repeatable: a second run of it (two instances migrating at once) fails on the existing table. */
class CreateLedger extends Migration {
  async up() {
    this.addSql(`create table "${SCHEMA}"."ledger" (id int primary key)`);
    this.addSql("select pg_sleep(0.3)");
    this.addSql(`insert into "${SCHEMA}"."ledger" (id) values (1)`);
  }
}

const definition: SubgraphDefinition = {
  name: "kit-migration-lock",
  schema: SCHEMA,
  entities: [Ledger],
  migrations: [{ name: "CreateLedger", class: CreateLedger }],
  buildSchema: () => Promise.reject(new Error("not served")),
};

describe("migrations of instances starting together", () => {
  const database = ownDatabase(inject("databaseUrl" as never) as string, "kit_migration_lock");
  const opened: MikroORM[] = [];
  afterAll(async () => {
    for (const orm of opened) await orm.close();
    await database.drop();
  });

  it("run once: the other instances wait for the first and find nothing left to apply", async () => {
    await database.create();
    const instances = await Promise.all([1, 2, 3].map(() => openOrm(definition, database.url, 1)));
    opened.push(...instances);
    const appliedBy = await Promise.all(instances.map((orm) => migrateSubgraph(definition, orm, database.url)));
    expect(appliedBy.flat()).toEqual(["CreateLedger"]);

    const connection = instances[0]!.em.getConnection();
    expect(await connection.execute(`select id from "${SCHEMA}"."ledger"`)).toEqual([{ id: 1 }]);
    const applied = await connection.execute<{ name: string }[]>(`select name from "${SCHEMA}"."mikro_orm_migrations"`);
    expect(applied.map((row) => row.name)).toEqual(["CreateLedger"]);
  });
});
