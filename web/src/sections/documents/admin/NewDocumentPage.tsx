import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { BackLink } from "../../../shared/BackLink";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { problemOf, type Problem } from "../../../shared/results";
import { CreateDocumentDocument } from "./documentOperations";
import { DocumentSettingsForm, type DocumentSettingsInput } from "./DocumentSettingsForm";
import { dropDocumentLists } from "./useDocumentLive";

/** /admin/documents/new: the document's details first; the PDF, recipients and fields come next. */
export function NewDocumentPage() {
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [createDocument, creation] = useMutation(CreateDocumentDocument, { update: (cache) => dropDocumentLists(cache) });

  const submit = async (input: DocumentSettingsInput) => {
    const result = (await createDocument({ variables: { input } })).data?.createDocument;
    if (!result) return false;
    setProblem(problemOf(result));
    if (result.__typename !== "DocumentSuccess") return false;
    await navigate(`/admin/documents/${result.document.id}`);
    return true;
  };

  return (
    <>
      <BackLink to="/admin/documents" label="Back to documents" />
      <h1>New document</h1>
      <p className="hint">Next you upload the PDF, choose who signs and place their fields.</p>
      <div className="card">
        <DocumentSettingsForm
          submitLabel="Create draft"
          busyLabel="Creating…"
          busy={creation.loading}
          problem={problem}
          onSubmit={submit}
        />
        {creation.error && <ErrorMessage error={creation.error} />}
      </div>
    </>
  );
}
