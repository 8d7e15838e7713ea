import { commonEnv, poolSizes, port, readConfig } from "@portal/kit";
import { z } from "zod";
import type { IdentityOptions } from "./options.js";
import { DEVELOPMENT_PORTAL_URLS, platformUrlProblem, portalUrlTemplateProblem } from "./shared/portal-urls.js";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A string checked by `problem`, whose message then names what is wrong with the variable. */
const checked = (fallback: string, problem: (value: string) => string | null) =>
  z
    .string()
    .default(fallback)
    .superRefine((value, context) => {
      const message = problem(value);
      if (message) context.addIssue({ code: z.ZodIssueCode.custom, message });
    });

/**
 * identity's environment, parsed once at start-up (the only place identity reads it). Link addresses
 * are checked here, so a wrong template stops the process instead of mailing broken links; in
 * production they must be https.
 */
export function readIdentityConfig(env: NodeJS.ProcessEnv) {
  const production = readConfig({ NODE_ENV: commonEnv.NODE_ENV }, env).NODE_ENV === "production";
  const config = readConfig(
    {
      ...commonEnv,
      IDENTITY_PORT: port(4101),
      PLATFORM_OPERATOR_EMAILS: z.string().default(""),
      SIGN_IN_LIMIT_PER_EMAIL: positiveInt(5),
      SIGN_IN_LIMIT_PER_IP: positiveInt(30),
      SIGN_IN_LIMIT_PER_EMAIL_TOTAL: positiveInt(20),
      SIGN_IN_LIMIT_WINDOW_SECONDS: positiveInt(900),
      SESSION_TTL_DAYS: z.coerce.number().positive().default(30),
      PORTAL_URL_TEMPLATE: checked(DEVELOPMENT_PORTAL_URLS.portalUrlTemplate, (value) => portalUrlTemplateProblem(value, production)),
      PLATFORM_URL: checked(DEVELOPMENT_PORTAL_URLS.platformUrl, (value) => platformUrlProblem(value, production)),
    },
    env,
  );
  const options: IdentityOptions = {
    portalSecret: config.PORTAL_SECRET,
    operatorEmails: config.PLATFORM_OPERATOR_EMAILS.split(",")
      .map((email) => email.trim())
      .filter(Boolean),
    signInLimits: {
      perEmail: config.SIGN_IN_LIMIT_PER_EMAIL,
      perIp: config.SIGN_IN_LIMIT_PER_IP,
      perEmailTotal: config.SIGN_IN_LIMIT_PER_EMAIL_TOTAL,
      windowSeconds: config.SIGN_IN_LIMIT_WINDOW_SECONDS,
    },
    sessionTtlDays: config.SESSION_TTL_DAYS,
    production,
    portalUrls: { portalUrlTemplate: config.PORTAL_URL_TEMPLATE, platformUrl: config.PLATFORM_URL },
  };
  return {
    options,
    runtime: {
      databaseUrl: config.DATABASE_URL,
      connections: poolSizes(config),
      gatewaySecret: config.PORTAL_SECRET,
      port: config.IDENTITY_PORT,
      production,
    },
  };
}
