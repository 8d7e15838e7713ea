import { ConnectionType, Multiline, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, InputType, ObjectType } from "type-graphql";
import { PostView } from "../feed/post.types.js";
import { CommunityReportStatus } from "../shared/enums.js";

@ObjectType("CommunityReport", { description: "A member's report of a post, in staff's moderation queue." })
export class ReportView {
  @Field(() => ID, { description: "Report id." })
  id!: string;
  businessId!: string;
  reporterContactId!: string;
  resolvedByStaffId!: string | null;
  @Field(() => ID, { description: "The group." })
  groupId!: string;
  @Field(() => PostView, { description: "The reported post (also when removed since)." })
  post!: PostView;
  @Field(() => String, { description: "Why the member reported it." })
  reason!: string;
  @Field(() => CommunityReportStatus, { description: "Open, or resolved by staff." })
  status!: CommunityReportStatus;
  @Field(() => Date, { description: "When it was reported." })
  createdAt!: Date;
  @Field(() => Date, { nullable: true, description: "When staff resolved it." })
  resolvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "Staff's note on the resolution." })
  resolution!: string | null;
}

export const CommunityReportConnection = ConnectionType(ReportView, "CommunityReport");

@InputType({ description: "A member reports a post to staff." })
export class ReportCommunityPostInput {
  @Field(() => ID, { description: "The post." })
  postId!: string;
  @Field(() => String, { description: "Why, 1–1000 characters." })
  @Multiline()
  reason!: string;
}

@InputType({ description: "Staff resolve a report." })
export class ResolveCommunityReportInput {
  @Field(() => ID, { description: "The report." })
  reportId!: string;
  @Field(() => String, { nullable: true, description: "A note, at most 1000 characters." })
  @Multiline()
  resolution?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Also delete the post (as a moderator); default false." })
  removePost?: boolean | null;
}

@ObjectType({ description: "The report after the change." })
export class CommunityReportSuccess {
  @Field(() => ReportView, { description: "The report." })
  report!: ReportView;
}

export const CommunityReportResult = createUnionType({
  name: "CommunityReportResult",
  description: "Outcome of reporting a post or resolving a report.",
  types: () => [CommunityReportSuccess, ValidationError, NotFoundError] as const,
});
