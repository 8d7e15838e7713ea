import { NotFoundError } from "@portal/kit";
import { createUnionType, Field, ID, ObjectType } from "type-graphql";
import { CourseStateError } from "../shared/error.types.js";

@ObjectType("CourseCertificate", { description: "A completion certificate, issued once per student and course." })
export class CourseCertificateView {
  @Field(() => ID, { description: "Certificate id." })
  id!: string;
  @Field(() => ID, { description: "Its course." })
  courseId!: string;
  @Field(() => String, { description: "Verification code printed on it (and in its QR code)." })
  code!: string;
  @Field(() => String, { description: "The student's name as it was when issued." })
  studentName!: string;
  @Field(() => String, { description: "The course's title as it was when issued." })
  courseTitle!: string;
  @Field(() => Date, { description: "When it was issued (the course's completion)." })
  issuedAt!: Date;
  @Field(() => Date, { nullable: true, description: "When staff revoked it; a revoked certificate no longer verifies." })
  revokedAt!: Date | null;
  @Field(() => String, { description: "PDF download path through the gateway (`/files/courses/certificates/<id>.pdf`)." })
  downloadUrl!: string;
  @Field(() => String, { description: "The portal page that verifies its code (`/certificates/verify/<code>`), relative to the portal." })
  verificationPath!: string;
}

@ObjectType("CourseCertificateCheck", {
  description: "Whether a certificate code is valid on this business's portal. Says nothing else: no name, course or date.",
})
export class CourseCertificateCheck {
  @Field(() => String, { description: "The code as asked (trimmed, upper-case)." })
  code!: string;
  @Field(() => Boolean, {
    description: "True for a certificate this business issued and has not revoked; false for unknown or revoked codes.",
  })
  valid!: boolean;
}

@ObjectType({ description: "The certificate after the change." })
export class CourseCertificateSuccess {
  @Field(() => CourseCertificateView, { description: "The certificate." })
  certificate!: CourseCertificateView;
}

export const CourseCertificateResult = createUnionType({
  name: "CourseCertificateResult",
  description: "Outcome of revoking a certificate.",
  types: () => [CourseCertificateSuccess, NotFoundError, CourseStateError] as const,
});

export const certificateView = (row: {
  id: string;
  courseId: string;
  code: string;
  studentName: string;
  courseTitle: string;
  issuedAt: Date;
  revokedAt: Date | null;
}): CourseCertificateView =>
  Object.assign(new CourseCertificateView(), {
    id: row.id,
    courseId: row.courseId,
    code: row.code,
    studentName: row.studentName,
    courseTitle: row.courseTitle,
    issuedAt: row.issuedAt,
    revokedAt: row.revokedAt,
    downloadUrl: `/files/courses/certificates/${row.id}.pdf`,
    verificationPath: `/certificates/verify/${encodeURIComponent(row.code)}`,
  });
