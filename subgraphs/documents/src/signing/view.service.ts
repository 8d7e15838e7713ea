import { NotFoundError, type Caller, type EntityManager } from "@portal/kit";
export async function viewDocument(_em: EntityManager, _caller: Caller, _id: string) { return NotFoundError.of("No such document"); }
