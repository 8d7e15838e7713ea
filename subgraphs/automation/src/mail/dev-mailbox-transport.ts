import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor } from "@portal/kit";
import { DevMailMessage } from "./dev-mail-message.entity.js";
import type { MailTransport, OutgoingEmail } from "./mail-transport.js";

/** Without a Postmark token, mail lands in the dev mailbox table, shown by the web app. */
export function devMailboxTransport(orm: MikroORM): MailTransport {
  return {
    async send(email: OutgoingEmail) {
      const em = forkFor(orm, email.businessId);
      const message = em.create(DevMailMessage, {
        businessId: email.businessId,
        to: email.to,
        from: email.from,
        subject: email.subject,
        html: email.html,
        text: email.text,
        template: email.template,
        // Names and sizes are enough to check what was attached; the bytes are not kept.
        attachments: (email.attachments ?? []).map((file) => ({
          name: file.name,
          contentType: file.contentType,
          size: Buffer.from(file.contentBase64, "base64").length,
        })),
      });
      await em.persistAndFlush(message);
      return { providerMessageId: `dev-${message.id}` };
    },
  };
}
