import { NotFoundError, type Caller, type EntityManager } from "@portal/kit";
export async function declineDocument(_em: EntityManager, _caller: Caller, _input: { documentId: string; reason: string }) { return NotFoundError.of("No such document"); }
