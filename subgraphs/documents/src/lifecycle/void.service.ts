import { NotFoundError, type Caller, type EntityManager } from "@portal/kit";
export async function voidDocument(_em: EntityManager, _caller: Caller, _id: string, _reason: string) { return NotFoundError.of("No such document"); }
