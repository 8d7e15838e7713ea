import type { InternalHandler, SubgraphDeps } from "@portal/kit";
import { authenticate, AuthenticateRequest } from "./auth/authenticate.service.js";
import type { IdentityOptions } from "./options.js";

/** Signed endpoints for the gateway (`POST /internal/<name>`). */
export function internalEndpoints(options: IdentityOptions, deps: SubgraphDeps): Record<string, InternalHandler> {
  return {
    authenticate: (body) => authenticate(deps.orm, AuthenticateRequest.parse(body), options.defaultBusinessSlug),
  };
}
