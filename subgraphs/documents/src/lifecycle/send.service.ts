import { NotFoundError, type Caller, type EntityManager } from "@portal/kit";
export async function sendDocument(_em: EntityManager, _caller: Caller, _id: string, _invite: boolean) { return NotFoundError.of("No such document"); }
