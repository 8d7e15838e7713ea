import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { QueryState } from "../../shared/QueryState";
import { PortalSettingsForm } from "./PortalSettingsForm";

export const BusinessSettingsDocument = graphql(`
  query BusinessSettings {
    business {
      id
      settings {
        welcomeMessage
        sections { section enabled }
      }
    }
  }
`);

export function SettingsPage() {
  const { data, loading, error, refetch } = useQuery(BusinessSettingsDocument);
  return (
    <>
      <h1>Portal settings</h1>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ business }) => (business ? <PortalSettingsForm settings={business.settings} /> : <p>No business found for this address.</p>)}
      </QueryState>
    </>
  );
}
