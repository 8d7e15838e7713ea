import { buildFederatedSchema, type SubgraphDeps, UserError } from "@portal/kit";
import type { GraphQLSchema } from "graphql";
import { CertificateResolver } from "./certificates/certificate.resolver.js";
import { ContactRef } from "./client/contact-ref.js";
import { CourseSummaryResolver } from "./client/course-summary.resolver.js";
import { CourseResolver } from "./courses/course.resolver.js";
import { EnrolmentResolver } from "./enrolment/enrolment.resolver.js";
import { LessonResolver } from "./lessons/lesson.resolver.js";
import { ProgressResolver } from "./progress/progress.resolver.js";
import { referenceResolvers } from "./references.js";

/** Builds the courses schema (Contact is orphaned: only its extension, `courseSummary`, lives here). Needs no database, so SDL can be printed offline. */
export function buildCoursesSchema(_deps: SubgraphDeps): Promise<GraphQLSchema> {
  const resolvers = [
    CourseResolver,
    LessonResolver,
    EnrolmentResolver,
    ProgressResolver,
    CertificateResolver,
    CourseSummaryResolver,
  ] as const;
  return buildFederatedSchema({ resolvers, orphanedTypes: [UserError, ContactRef] }, referenceResolvers);
}
