import { NotFoundError, type Caller, type EntityManager } from "@portal/kit";
import type { Sealer } from "./completion.js";
export async function signDocument(_em: EntityManager, _caller: Caller, _input: unknown, _sealer: Sealer) { return NotFoundError.of("No such document"); }
