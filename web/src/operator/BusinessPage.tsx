import { useQuery } from "@apollo/client/react";
import { BackLink } from "../shared/BackLink";
import { useParams } from "react-router";
import { graphql } from "../gql";
import { QueryState } from "../shared/QueryState";
import { BrandingEditor } from "./BrandingEditor";
import { HostNamesEditor } from "./HostNamesEditor";

const BusinessByIdDocument = graphql(`
  query BusinessById($id: ID!) {
    businessById(id: $id) {
      id
      name
      slug
      hostNames
      branding { displayName logoUrl primaryColor accentColor }
    }
  }
`);

export function BusinessPage() {
  const { businessId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(BusinessByIdDocument, { variables: { id: businessId } });
  return (
    <>
      <BackLink to="/operator" label="Back to businesses" />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ businessById: business }) =>
          !business ? (
            <h1>Business not found</h1>
          ) : (
            <>
              <h1>{business.name}</h1>
              <p className="hint">Slug: {business.slug}</p>
              <BrandingEditor businessId={business.id} branding={business.branding} />
              <HostNamesEditor businessId={business.id} hostNames={business.hostNames} slug={business.slug} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
