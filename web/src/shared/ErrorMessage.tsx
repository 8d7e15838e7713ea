import type { ErrorLike } from "@apollo/client";
import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";

/** A request failure in words a person can act on, with a retry when one makes sense. */
export function ErrorMessage({ error, onRetry }: { error: ErrorLike; onRetry?: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{describeError(error)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function describeError(error: ErrorLike): string {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    if (code === "FORBIDDEN") return "You do not have permission to do that.";
    if (code === "UNAUTHENTICATED") return "Please sign in to continue.";
    return error.errors.map((e) => e.message).join(" ") || "Something went wrong.";
  }
  if (ServerError.is(error)) return `The server could not answer (HTTP ${error.statusCode}). Please try again.`;
  if (error.name === "TypeError") return "Could not reach the server. Check your connection and try again.";
  return error.message || "Something went wrong.";
}
