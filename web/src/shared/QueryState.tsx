import type { ErrorLike } from "@apollo/client";
import type { ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";

interface QueryStateProps<T> {
  loading: boolean;
  error?: ErrorLike | null;
  data: T | undefined | null;
  /** Shown while nothing has loaded yet. */
  loadingLabel?: string;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}

/**
 * The one way screens show a request's state: a polite loading status, an error with a retry,
 * then the data. Stale data stays on screen while it refreshes.
 */
export function QueryState<T>({ loading, error, data, loadingLabel = "Loading…", onRetry, children }: QueryStateProps<T>) {
  if (data) return <>{children(data)}</>;
  if (error) return <ErrorMessage error={error} onRetry={onRetry} />;
  if (loading) return <Loading label={loadingLabel} />;
  return <ErrorMessage error={{ name: "Empty", message: "Nothing came back from the server." }} onRetry={onRetry} />;
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
