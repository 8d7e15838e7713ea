import { useQuery } from "@apollo/client/react";
import { useEffect, useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { usePortalBusiness } from "../../../shared/branding";
import { Field } from "../../../shared/Field";
import { QueryState } from "../../../shared/QueryState";
import { VerifyCourseCertificateDocument } from "./operations";

/**
 * Public, no sign-in: whether a certificate code (from a certificate or its QR code) was issued by this
 * business and still stands. It says valid or not, and nothing about the student or the course.
 */
export function VerifyCertificatePage() {
  const { code = "" } = useParams();
  const business = usePortalBusiness();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const wanted = code.trim();
  const { data, loading, error, refetch } = useQuery(VerifyCourseCertificateDocument, {
    variables: { code: wanted },
    skip: !wanted,
    fetchPolicy: "network-only",
  });
  useEffect(() => {
    document.title = "Verify a certificate";
    setTyped(code);
  }, [code]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = typed.trim();
    if (value) navigate(`/certificates/verify/${encodeURIComponent(value)}`);
  };
  return (
    <>
      <h1>Verify a certificate</h1>
      <p>Check that a course certificate was issued by {business.branding.displayName}.</p>
      {wanted && (
        <div aria-live="polite">
          <QueryState loading={loading} error={error} data={data} loadingLabel="Checking the code…" onRetry={() => void refetch()}>
            {({ verifyCourseCertificate: check }) =>
              check.valid ? (
                <div className="alert alert-success course-verify-result" data-testid="certificate-valid">
                  <p>
                    <strong>Valid certificate.</strong> Code <code>{check.code}</code> was issued by {business.branding.displayName}.
                  </p>
                </div>
              ) : (
                <div className="alert alert-error course-verify-result" data-testid="certificate-unknown">
                  <p>
                    <strong>Not a valid certificate.</strong> Code <code>{check.code}</code> is unknown here or was revoked.
                  </p>
                </div>
              )
            }
          </QueryState>
        </div>
      )}
      <form className="card" onSubmit={submit}>
        <Field
          label="Verification code"
          hint="Printed on the certificate, under its QR code."
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
          required
        />
        <div className="actions">
          <button type="submit" className="button">
            Check code
          </button>
        </div>
      </form>
    </>
  );
}
