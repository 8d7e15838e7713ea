import { useState } from "react";

/**
 * "Load more" for a Relay connection: fetches the page after `after` through the query's
 * `fetchMore` (the cache's type policy appends it) and says whether that is under way.
 */
export function useLoadMore(fetchMore: (options: { variables: { after: string | null } }) => Promise<unknown>) {
  const [loadingMore, setLoadingMore] = useState(false);
  const loadMore = async (after: string | null) => {
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after } });
    } finally {
      setLoadingMore(false);
    }
  };
  return { loadingMore, loadMore };
}
