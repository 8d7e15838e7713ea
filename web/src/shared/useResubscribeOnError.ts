import { useApolloClient } from "@apollo/client/react";
import { useEffect, useRef } from "react";

/**
 * A live subscription that failed (its section unavailable for a moment, the connection lost)
 * starts again by itself after 1 s, then 2, 4… up to 30 s between tries, so an open page catches
 * up without a reload: with the subscription started again, the page's queries are asked again too,
 * since changes made while it was down were never heard. A subscription the server ended without an
 * error stays ended.
 */
export function useResubscribeOnError(error: unknown, restart: () => void): void {
  const client = useApolloClient();
  const attempts = useRef(0);
  useEffect(() => {
    if (!error) {
      attempts.current = 0;
      return;
    }
    const delay = Math.min(30_000, 1000 * 2 ** attempts.current);
    attempts.current++;
    const timer = setTimeout(() => {
      restart();
      // Identical queries from several restarted subscriptions are deduplicated by Apollo Client.
      void client.refetchQueries({ include: "active" }).catch(() => undefined);
    }, delay);
    return () => clearTimeout(timer);
  }, [error, restart, client]);
}
