/**
 * Every event subgraphs send each other, declared once: its name, producer, version, description and
 * payload schema. Producers publish with the kit's `publish(em, contract, …)`, which validates the
 * payload in the change's transaction; consumers subscribe with `consume(deps, …, contract, handler)`,
 * which parses it before the handler runs. This package holds no behaviour and imports no subgraph.
 */
import * as affiliates from "./affiliates.js";
import * as appointments from "./appointments.js";
import * as automation from "./automation.js";
import * as billing from "./billing.js";
import * as communities from "./communities.js";
import * as courses from "./courses.js";
import type { EventContract } from "./contract.js";
import * as documents from "./documents.js";
import * as identity from "./identity.js";

export { defineEvent, type EventContract, type PayloadInputOf, type PayloadOf, type Producer } from "./contract.js";
export { BusinessSnapshot, Recipient } from "./shared.js";
export { ContactSnapshot, StaffSnapshot } from "./identity.js";
export { affiliates, appointments, automation, billing, communities, courses, documents, identity };
export * as projection from "./projection.js";
export { ActionOutcome, WORKFLOW_SOURCE } from "./workflows.js";

const isContract = (value: unknown): value is EventContract =>
  typeof value === "object" && value !== null && "name" in value && "payload" in value && "producer" in value;

/** Every contract on the platform, for checks that must cover them all (tests, docs, webhooks). */
export const ALL_EVENTS: readonly EventContract[] = [
  identity,
  billing,
  documents,
  communities,
  courses,
  appointments,
  affiliates,
  automation,
].flatMap((module) => Object.values(module).filter(isContract));
