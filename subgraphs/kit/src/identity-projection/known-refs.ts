import { refTable } from "../tenant-refs.js";
import { KnownContact, KnownStaff } from "./known-identity.entities.js";

/**
 * What a mutation may point at by id: the caller's business's contacts and current team members, as
 * this subgraph knows them. Someone identity created a moment ago may not have arrived yet.
 */
export const KNOWN_CONTACTS = refTable(KnownContact, "contact");
export const CURRENT_STAFF = refTable(KnownStaff, "staff member", { removed: false });
