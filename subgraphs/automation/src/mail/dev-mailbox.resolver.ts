import { ConnectionArgs, forbidden, type Connection, type SubgraphContext } from "@portal/kit";
import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import type { DevMailMessage } from "./dev-mail-message.entity.js";
import { listDevMail } from "./dev-mailbox.service.js";
import { DevMailMessageConnection } from "./dev-mailbox.types.js";

/**
 * The dev mailbox is how anyone trying the portal locally receives sign-in links, so it is open to
 * every caller of the business's host, but only outside production.
 */
export function devMailboxResolver(production: boolean) {
  @Resolver()
  class DevMailboxResolver {
    @Query(() => DevMailMessageConnection, {
      description:
        "Development only: emails stored instead of sent, newest first, for the request's business (every business on the platform host). Refused in production.",
    })
    async devMailbox(
      @Args(() => ConnectionArgs) page: ConnectionArgs,
      @Arg("to", () => String, { nullable: true, description: "Part of the recipient's address." }) to: string | null,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Connection<DevMailMessage>> {
      if (production) throw forbidden("The dev mailbox is not available in production: mail is sent through Postmark.");
      return listDevMail(ctx.em, ctx.caller.businessId, { ...page, to });
    }
  }
  return DevMailboxResolver;
}
