import type { Caller, RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_APPOINTMENT_TYPES, type DemoAppointmentsCaller, seedDemoAppointments } from "../src/index.js";
import { gql, newTenant, startAppointments, type Tenant } from "./helpers.js";

describe("demo appointments", () => {
  let subgraph: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    subgraph = await startAppointments();
    a = await newTenant(subgraph, 1);
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  const as = (caller: Caller): DemoAppointmentsCaller => ({ data: (query, variables) => gql(subgraph, caller, query, variables) });

  it("is two types, the owner's hours, and the client with one upcoming and one past appointment; a second run adds nothing", async () => {
    const [alex] = a.contacts as [any];
    const input = { staff: as(a.owner.caller), owner: { id: a.owner.id, name: a.owner.name }, contact: { id: alex.id, name: alex.name } };
    expect(await seedDemoAppointments(input)).toBe(2);
    expect(await seedDemoAppointments(input)).toBe(0);
    const types = await gql(subgraph, alex.caller, `{ appointmentTypes { edges { node { name clientBookable } } } }`);
    expect(types.appointmentTypes.edges.map((edge: any) => edge.node.name).sort()).toEqual([...DEMO_APPOINTMENT_TYPES].sort());
    const mine = await gql(
      subgraph,
      alex.caller,
      `{ up: myAppointments(when: UPCOMING) { edges { node { typeName status canChange } } } past: myAppointments(when: PAST) { edges { node { typeName status } } } }`,
    );
    expect(mine.up.edges.map((edge: any) => edge.node)).toEqual([
      { typeName: "Brand strategy session", status: "BOOKED", canChange: true },
    ]);
    expect(mine.past.edges.map((edge: any) => edge.node)).toEqual([{ typeName: "Discovery call", status: "COMPLETED" }]);
    const hours = await gql(
      subgraph,
      a.owner.caller,
      `query($id: ID!) { staffAvailability(staffId: $id) { timeZone weekly { weekday } } }`,
      { id: a.owner.id },
    );
    expect(hours.staffAvailability).toEqual({ timeZone: "Europe/London", weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday })) });
  });
});
