import type { SubgraphDefinition } from "../runtime.js";
import { catchUpWithIdentity } from "./catch-up.js";
import { consumeIdentitySnapshots } from "./consumers.js";
import { KNOWN_IDENTITY_ENTITIES, KnownBusiness } from "./known-identity.entities.js";
import { identityProjectionMigration } from "./tables.js";

/**
 * Gives a subgraph its copy of identity's businesses, contacts and team members (`KnownBusiness`,
 * `KnownContact`, `KnownStaff` in its own schema): the entities, the migration creating their tables
 * (first in the list: it depends on nothing), the consumers of identity's snapshot events and the
 * catch-up on every start, before the subgraph's own workers. The consumer is named after the
 * subgraph, so its queues and handled-event markers are the subgraph's.
 *
 *     export function createCoursesSubgraph(options: CoursesOptions): SubgraphDefinition {
 *       return withIdentityProjection({ name: "courses", schema: "courses", ... });
 *     }
 */
export function withIdentityProjection(definition: SubgraphDefinition): SubgraphDefinition {
  const consumer = { schema: definition.schema, name: definition.name };
  return {
    ...definition,
    entities: [...KNOWN_IDENTITY_ENTITIES, ...(definition.entities as unknown[])] as SubgraphDefinition["entities"],
    migrations: [identityProjectionMigration(definition.schema), ...definition.migrations],
    async startWorkers(deps) {
      await consumeIdentitySnapshots(deps, consumer); // subscribed first, so the catch-up misses nothing in between
      await catchUpWithIdentity(deps, consumer.name);
      await definition.startWorkers?.(deps);
    },
  };
}

/** Whether `definition` mounts the projection (`npm run resync` asks identity to answer those). */
export function mountsIdentityProjection(definition: SubgraphDefinition): boolean {
  return ((definition.entities ?? []) as unknown[]).includes(KnownBusiness);
}
