/** How an upload through the gateway's file relay ended. */
export type UploadAnswer =
  | { kind: "answered"; status: number; body: Record<string, unknown> | null }
  | { kind: "unreachable" }
  | { kind: "cancelled" };

/**
 * POSTs a file to the gateway's file relay (`/files/<subgraph>/<path>`), reporting progress from 0
 * to 1. XMLHttpRequest, because fetch reports no upload progress. The file's own type is the
 * request's content type (never a "simple" form type: the CSRF guard), its name travels
 * percent-encoded in `x-file-name` (header values must be ISO-8859-1), and the session cookie
 * identifies the person. The sections turn the answer into their own result and messages.
 */
export function uploadWithProgress(
  url: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.withCredentials = true;
    request.setRequestHeader("content-type", file.type);
    request.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => resolve({ kind: "answered", status: request.status, body: parseObject(request.responseText) });
    request.onerror = () => resolve({ kind: "unreachable" });
    request.onabort = () => resolve({ kind: "cancelled" });
    signal?.addEventListener("abort", () => request.abort());
    request.send(file);
  });
}

export const UNREACHABLE_MESSAGE = "Could not reach the server. Check your connection and try again.";

/** The server's own message for a refused upload (`{ error: { message } }`), when it gave one. */
export function serverMessage(body: Record<string, unknown> | null): string | null {
  const error = body?.error;
  return typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string"
    ? (error as { message: string }).message
    : null;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
