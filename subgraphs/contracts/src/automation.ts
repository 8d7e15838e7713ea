import { z } from "zod";
import { defineEvent } from "./contract.js";
import { reference } from "./shared.js";

export const emailFinished = defineEvent({
  name: "automation.email.finished",
  producer: "automation",
  version: 1,
  description: "An email that carried a `reference` ended (sent, suppressed or failed): its producer may record the outcome.",
  payload: z.object({
    reference,
    /** The template key, e.g. `SIGNATURE_REQUEST`. */
    template: z.string(),
    recipientEmail: z.string(),
    status: z.enum(["SENT", "SUPPRESSED", "FAILED"]),
    reason: z.string().nullable(),
  }),
});
