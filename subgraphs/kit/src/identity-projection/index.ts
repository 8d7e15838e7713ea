/**
 * The identity projection: a subgraph's copy of identity's businesses, contacts and team members,
 * mounted with `withIdentityProjection(definition)`. See docs/architecture.md, "Identity projection".
 */
export { KnownBusiness, KnownContact, KnownStaff } from "./known-identity.entities.js";
export { KNOWN_CONTACTS, CURRENT_STAFF } from "./known-refs.js";
export { identityProjectionTablesSql, IDENTITY_PROJECTION_MIGRATION } from "./tables.js";
export { saveBusinessSnapshot, saveContactSnapshot, saveStaffSnapshot } from "./snapshot-store.js";
export {
  answerIdentitySnapshotRequests,
  requestIdentitySnapshot,
  snapshotAnswerQueue,
  type UnstampedSnapshotPage,
} from "./catch-up.js";
export { mountsIdentityProjection, withIdentityProjection } from "./mount.js";
