import postmark from "postmark";
import { MailDeliveryError, type MailTransport, type OutgoingEmail } from "./mail-transport.js";

export interface PostmarkSettings {
  serverToken: string;
  /** Defaults to Postmark's own API; tests point it at a local server speaking the same API. */
  apiUrl?: string;
}

/** Sends through Postmark's official SDK. */
export function postmarkTransport(settings: PostmarkSettings): MailTransport {
  const api = settings.apiUrl ? new URL(settings.apiUrl) : null;
  const client = new postmark.ServerClient(
    settings.serverToken,
    api ? { useHttps: api.protocol === "https:", requestHost: api.host + api.pathname.replace(/\/$/, ""), timeout: 30 } : { timeout: 30 },
  );
  return {
    async send(email: OutgoingEmail) {
      try {
        const response = await client.sendEmail({
          From: email.from,
          To: email.to,
          Subject: email.subject,
          HtmlBody: email.html,
          TextBody: email.text,
          Tag: email.template,
          MessageStream: "outbound",
          TrackLinks: postmark.Models.LinkTrackingOptions.None,
          ...(email.attachments?.length
            ? {
                Attachments: email.attachments.map((file) => ({
                  Name: file.name,
                  Content: file.contentBase64,
                  ContentType: file.contentType,
                  ContentID: null,
                })),
              }
            : {}),
        });
        return { providerMessageId: response.MessageID };
      } catch (error) {
        throw classify(error);
      }
    },
  };
}

function classify(error: unknown): MailDeliveryError {
  if (!(error instanceof postmark.Errors.PostmarkError)) return new MailDeliveryError(String((error as Error)?.message ?? error), true);
  const { statusCode, code, message } = error;
  // statusCode 0: the request never got an answer (network error, timeout).
  const temporary = statusCode === 0 || statusCode === 429 || statusCode >= 500;
  const detail = code ? `Postmark error ${code}: ${message}` : `Postmark: ${message}`;
  return new MailDeliveryError(detail, temporary);
}
