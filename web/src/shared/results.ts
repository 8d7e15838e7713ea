/**
 * Mutations return a union of a success type and errors implementing UserError. These helpers
 * turn such a result into something a form can show.
 */
export interface Problem {
  message: string;
  /** Set for ValidationError: the input field it is about. */
  field?: string;
  /** Set for RateLimitedError. */
  retryAfterSeconds?: number;
  kind: string;
}

type ResultLike = { __typename?: string } & Record<string, unknown>;

export function problemOf(result: ResultLike | null | undefined): Problem | null {
  if (!result || !result.__typename?.endsWith("Error")) return null;
  const message = typeof result.message === "string" ? result.message : "Something went wrong.";
  const field = typeof result.field === "string" ? result.field : undefined;
  const retryAfterSeconds = typeof result.retryAfterSeconds === "number" ? result.retryAfterSeconds : undefined;
  return { message, field, retryAfterSeconds, kind: result.__typename };
}

/** The message for one form field: a ValidationError naming it, or an error kind that belongs to it. */
export function messageFor(problem: Problem | null, field: string, kinds: string[] = []): string | undefined {
  if (!problem) return undefined;
  if (problem.field === field || kinds.includes(problem.kind)) return problem.message;
  return undefined;
}

/** The message to show at the top of a form: anything not tied to one of its fields. */
export function generalMessage(problem: Problem | null, fields: string[], fieldKinds: string[] = []): string | undefined {
  if (!problem) return undefined;
  if (problem.field && fields.includes(problem.field)) return undefined;
  if (fieldKinds.includes(problem.kind)) return undefined;
  return problem.message;
}
