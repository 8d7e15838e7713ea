import { ConnectionArgs, requireStaff, type Connection, type SubgraphContext } from "@portal/kit";
import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import type { EmailLog } from "./email-log.entity.js";
import { listEmailLog } from "./email-log.service.js";
import { EmailLogEntryConnection, EmailStatus } from "./email-log.types.js";

@Resolver()
export class EmailLogResolver {
  @Query(() => EmailLogEntryConnection, { description: "Emails of the business, newest first, with their delivery status (staff)." })
  async emailLog(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("status", () => EmailStatus, { nullable: true, description: "Only entries with this status." }) status: EmailStatus | null,
    @Arg("search", () => String, { nullable: true, description: "Part of the recipient's email address." }) search: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<EmailLog>> {
    const { businessId } = requireStaff(ctx.caller);
    return listEmailLog(ctx.em, businessId, { ...page, status, search });
  }
}
