import { ConnectionArgs, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Post } from "../feed/post.entity.js";
import { CommunityReportStatus } from "../shared/enums.js";
import { CommunityPerson } from "../shared/person.types.js";
import { personKey } from "../shared/people.js";
import { readersOf } from "../shared/readers.js";
import { postView } from "../shared/views.js";
import { Report } from "./report.entity.js";
import { listReports, reportPost, resolveReport } from "./report.service.js";
import {
  CommunityReportConnection,
  CommunityReportResult,
  CommunityReportSuccess,
  ReportCommunityPostInput,
  ReportView,
  ResolveCommunityReportInput,
} from "./report.types.js";

@ArgsType()
class ReportListArgs extends ConnectionArgs {
  @Field(() => CommunityReportStatus, { nullable: true, description: "Only open or only resolved reports." })
  status?: CommunityReportStatus | null;
  @Field(() => ID, { nullable: true, description: "Only this group's." })
  groupId?: string | null;
}

async function reportView(ctx: SubgraphContext, report: Report): Promise<ReportView> {
  const post = await ctx.em.findOneOrFail(Post, { id: report.postId });
  return Object.assign(new ReportView(), {
    id: report.id,
    businessId: report.businessId,
    reporterContactId: report.reporterContactId,
    resolvedByStaffId: report.resolvedByStaffId,
    groupId: report.groupId,
    post: postView(post),
    reason: report.reason,
    status: report.resolvedAt ? CommunityReportStatus.RESOLVED : CommunityReportStatus.OPEN,
    createdAt: report.createdAt,
    resolvedAt: report.resolvedAt,
    resolution: report.resolution,
  });
}

const success = async (ctx: SubgraphContext, report: Report) =>
  Object.assign(new CommunityReportSuccess(), { report: await reportView(ctx, report) });

/** Members report posts; staff work through the queue. */
@Resolver(() => ReportView)
export class ReportResolver {
  @Query(() => CommunityReportConnection, { description: "Staff: reports of posts, newest first." })
  async communityReports(@Args(() => ReportListArgs) args: ReportListArgs, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "read");
    const page = await listReports(ctx.em, { ...args, status: args.status ? (args.status.toLowerCase() as "open" | "resolved") : null });
    const posts = page.edges.length ? await ctx.em.find(Post, { id: { $in: page.edges.map((edge) => edge.node.postId) } }) : [];
    void posts; // loaded once into the unit of work, so reportView's lookups need no further statement
    return {
      ...page,
      edges: await Promise.all(page.edges.map(async (edge) => ({ cursor: edge.cursor, node: await reportView(ctx, edge.node) }))),
    };
  }

  @Mutation(() => CommunityReportResult, { description: "A member reports a post to the business's staff." })
  async reportCommunityPost(@Arg("input", () => ReportCommunityPostInput) input: ReportCommunityPostInput, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    const outcome = await reportPost(ctx.em, ctx.caller, input.postId, input.reason);
    return outcome instanceof Report ? success(ctx, outcome) : outcome;
  }

  @Mutation(() => CommunityReportResult, { description: "Staff resolve a report, optionally deleting the post as a moderator." })
  async resolveCommunityReport(
    @Arg("input", () => ResolveCommunityReportInput) input: ResolveCommunityReportInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireStaff(ctx.caller, "write");
    const outcome = await resolveReport(ctx.em, ctx.caller, input.reportId, input);
    return outcome instanceof Report ? success(ctx, outcome) : outcome;
  }

  @FieldResolver(() => CommunityPerson, { description: "Who reported it." })
  reporter(@Root() report: ReportView, @Ctx() ctx: SubgraphContext) {
    return readersOf({}, ctx).people.load(personKey("contact", report.reporterContactId));
  }

  @FieldResolver(() => CommunityPerson, { nullable: true, description: "The staff member who resolved it." })
  resolvedBy(@Root() report: ReportView, @Ctx() ctx: SubgraphContext) {
    return report.resolvedByStaffId ? readersOf({}, ctx).people.load(personKey("staff", report.resolvedByStaffId)) : null;
  }
}
