import { useQuery } from "@apollo/client/react";
import { NotFound } from "../shared/NotFoundPage";
import { QueryState } from "../shared/QueryState";
import { ViewerDocument, ViewerProvider } from "../shared/viewer";
import { PortalLayout } from "./PortalLayout";
import { PublicPortalLayout } from "./PublicPortalLayout";

/**
 * Any portal address that is no page (a mistyped link, a section that does not exist yet): the
 * business's branded frame with a way home, signed in or not, instead of a bare page.
 */
export function PortalNotFoundPage() {
  const { data, loading, error, refetch } = useQuery(ViewerDocument);
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
      {({ viewer }) =>
        viewer.kind === "CONTACT" ? (
          <ViewerProvider value={viewer}>
            <PortalLayout>
              <NotFound homePath="/" homeLabel="Go to your dashboard" />
            </PortalLayout>
          </ViewerProvider>
        ) : (
          <PublicPortalLayout>
            <NotFound homePath="/" />
          </PublicPortalLayout>
        )
      }
    </QueryState>
  );
}
