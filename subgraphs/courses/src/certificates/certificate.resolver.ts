import { badRequest, requireBusiness, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { asResult } from "../shared/outcomes.js";
import { normaliseCode, revokeCertificate, verifyCertificate } from "./certificate.service.js";
import { CourseCertificateCheck, CourseCertificateResult, CourseCertificateSuccess, certificateView } from "./certificate.types.js";

/** Certificates: the public check of a code on the business's portal, and staff's revocation. */
@Resolver()
export class CertificateResolver {
  @Query(() => CourseCertificateCheck, {
    description:
      "Anyone, signed in or not, on the business's portal: whether a certificate code is valid there. Answers valid or not (unknown or revoked), nothing else.",
  })
  async verifyCourseCertificate(
    @Arg("code", () => String, { description: "The code printed on the certificate." }) code: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    const businessId = requireBusiness(ctx.caller);
    if (code.length > 100) throw badRequest("A certificate code is at most 100 characters");
    return Object.assign(new CourseCertificateCheck(), {
      code: normaliseCode(code),
      valid: await verifyCertificate(ctx.em, businessId, code),
    });
  }

  @Mutation(() => CourseCertificateResult, {
    description: "Staff: revoke a certificate: it no longer verifies (the student keeps their completion).",
  })
  async revokeCourseCertificate(@Arg("id", () => ID, { description: "Certificate id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await revokeCertificate(ctx.em, id), (row) =>
      Object.assign(new CourseCertificateSuccess(), { certificate: certificateView(row) }),
    );
  }
}
