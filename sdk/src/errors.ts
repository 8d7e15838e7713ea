/** Every failure the SDK throws is a PortalError; `instanceof` tells the three kinds apart. */
export class PortalError extends Error {
  override name = "PortalError";
}

/**
 * The request did not get a GraphQL answer: the network failed, the request timed out, or the
 * server answered something that is not a GraphQL response (e.g. 502 from a proxy, 413 body too large).
 * Retrying later may help.
 */
export class PortalTransportError extends PortalError {
  override name = "PortalTransportError";
  constructor(
    message: string,
    /** HTTP status, when the server answered at all. */
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; field?: string; serviceName?: string; [key: string]: unknown };
}

/**
 * The API refused or partly failed the operation: `UNAUTHENTICATED` (no or revoked API key),
 * `FORBIDDEN` (the key lacks the scope), `BAD_USER_INPUT`, `RATE_LIMITED`, `SERVICE_UNAVAILABLE` (one
 * section is down: `data` still holds every other field)… `codes` lists them.
 */
export class PortalGraphQLError extends PortalError {
  override name = "PortalGraphQLError";
  constructor(
    readonly errors: GraphQLErrorEntry[],
    /** Whatever data came back beside the errors (null fields where they happened). */
    readonly data: unknown,
    readonly status: number,
  ) {
    super(errors.map((e) => (e.extensions?.code ? `${e.message} (${e.extensions.code})` : e.message)).join("; "));
  }

  get codes(): string[] {
    return this.errors.map((e) => e.extensions?.code ?? "UNKNOWN");
  }
}

/** A typed failure a mutation answered with (a result implementing `UserError`). */
export interface UserErrorResult {
  __typename: string;
  message?: string;
  field?: string;
}

/**
 * An expected failure, answered as data rather than as an error: `ValidationError` (with the input
 * `field` at fault), `NotFoundError`, `EmailTakenError`, `InvoiceStateError`… `typename` says which.
 */
export class PortalUserError extends PortalError {
  override name = "PortalUserError";
  readonly typename: string;
  /** The input field at fault, for `ValidationError` and `EmailTakenError`. */
  readonly field: string | null;
  constructor(readonly result: UserErrorResult) {
    super(result.message ?? result.__typename);
    this.typename = result.__typename;
    this.field = result.field ?? null;
  }
}

/**
 * Narrows a mutation's result union to its success member, or throws the `UserError` it carries as
 * a PortalUserError.
 */
export function expectSuccess<T extends { __typename: string }, K extends T["__typename"]>(
  result: T,
  successTypename: K,
): Extract<T, { __typename: K }> {
  if (result.__typename === successTypename) return result as Extract<T, { __typename: K }>;
  throw new PortalUserError(result as UserErrorResult);
}
