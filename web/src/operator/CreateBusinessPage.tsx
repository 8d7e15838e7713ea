import { useMutation } from "@apollo/client/react";
import { BackLink } from "../shared/BackLink";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { graphql } from "../gql";
import { ErrorMessage } from "../shared/ErrorMessage";
import { Field } from "../shared/Field";
import { generalMessage, messageFor, problemOf, type Problem } from "../shared/results";

const CreateBusinessDocument = graphql(`
  mutation CreateBusiness($input: CreateBusinessInput!) {
    createBusiness(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on BusinessSuccess { business { id } }
    }
  }
`);

const FIELDS = ["name", "slug", "ownerName", "ownerEmail"] as const;
type FormValues = Record<(typeof FIELDS)[number], string>;

/** Lower-case letters, digits and dashes, derived from the name until the slug is edited. */
function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

export function CreateBusinessPage() {
  const navigate = useNavigate();
  const [values, setValues] = useState<FormValues>({ name: "", slug: "", ownerName: "", ownerEmail: "" });
  const [slugEdited, setSlugEdited] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [createBusiness, { loading, error }] = useMutation(CreateBusinessDocument, {
    update: (cache) => {
      cache.evict({ fieldName: "businesses" });
      cache.gc();
    },
  });

  const set = (field: keyof FormValues, value: string) =>
    setValues((current) => ({
      ...current,
      [field]: value,
      ...(field === "name" && !slugEdited ? { slug: slugify(value) } : {}),
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { ...values, name: values.name.trim(), ownerName: values.ownerName.trim(), ownerEmail: values.ownerEmail.trim() };
    const { data } = await createBusiness({ variables: { input } });
    const result = data?.createBusiness;
    if (!result) return;
    setProblem(problemOf(result));
    if (result.__typename === "BusinessSuccess") await navigate(`/operator/businesses/${result.business.id}`);
  };

  const general = generalMessage(problem, [...FIELDS]);
  return (
    <>
      <BackLink to="/operator" label="Back to businesses" />
      <h1>New business</h1>
      <form className="card" onSubmit={submit} noValidate>
        <Field
          label="Business name"
          name="name"
          required
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          error={messageFor(problem, "name")}
        />
        <Field
          label="Slug"
          name="slug"
          required
          value={values.slug}
          hint="Used in the portal address: <slug>.localhost"
          onChange={(e) => {
            setSlugEdited(true);
            set("slug", e.target.value);
          }}
          error={messageFor(problem, "slug")}
        />
        <Field
          label="Owner name"
          name="ownerName"
          required
          value={values.ownerName}
          onChange={(e) => set("ownerName", e.target.value)}
          error={messageFor(problem, "ownerName")}
        />
        <Field
          label="Owner email"
          name="ownerEmail"
          type="email"
          required
          value={values.ownerEmail}
          onChange={(e) => set("ownerEmail", e.target.value)}
          error={messageFor(problem, "ownerEmail")}
        />
        {general && (
          <p className="alert alert-error" role="alert">
            {general}
          </p>
        )}
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button" disabled={loading}>
          {loading ? "Creating…" : "Create business"}
        </button>
      </form>
    </>
  );
}
