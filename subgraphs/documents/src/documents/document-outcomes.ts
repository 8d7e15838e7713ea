import type { SubgraphContext } from "@portal/kit";
import { viewFor } from "./document-access.js";
import { Document } from "./document.entity.js";
import { DeleteDocumentResult, DeleteDocumentSuccess, DocumentResult, DocumentSuccess } from "./document.types.js";

/** Wraps a service outcome: a document becomes DocumentSuccess (seen by the caller), an error value passes through. */
export async function asDocumentResult(ctx: SubgraphContext, result: Document | object): Promise<typeof DocumentResult> {
  if (!(result instanceof Document)) return result as typeof DocumentResult;
  return Object.assign(new DocumentSuccess(), { document: await viewFor(ctx.em, ctx.caller, result) });
}

export function asDeleteResult(result: { deletedId: string } | object): typeof DeleteDocumentResult {
  if ("deletedId" in result && typeof result.deletedId === "string")
    return Object.assign(new DeleteDocumentSuccess(), { deletedId: result.deletedId });
  return result as typeof DeleteDocumentResult;
}
