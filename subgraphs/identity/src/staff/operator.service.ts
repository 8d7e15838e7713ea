import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor } from "@portal/kit";
import { sameEmail } from "../auth/sign-in.service.js";
import { Operator } from "./operator.entity.js";

/** Makes sure every configured operator email has an account; existing ones are left as they are. */
export async function ensureOperators(orm: MikroORM, emails: string[]): Promise<void> {
  const em = forkFor(orm, null);
  for (const email of emails.map((value) => value.trim()).filter(Boolean)) {
    if (await em.count(Operator, { email: sameEmail(email) })) continue;
    em.persist(Object.assign(new Operator(), { email, name: email.split("@")[0] ?? email }));
  }
  await em.flush();
}
