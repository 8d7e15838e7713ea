import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor, seal, sql, unseal } from "@portal/kit";
import { createDevelopmentCertificate, type SigningCertificate } from "../pdf/index.js";

interface Row {
  sealed_p12: string;
  sealed_passphrase: string;
  subject: string;
}

const DEVELOPMENT_NAME = "Client Portal development seal (not trusted)";

function open(secret: string, row: Row): SigningCertificate {
  return {
    p12: Buffer.from(unseal(secret, row.sealed_p12), "base64"),
    passphrase: unseal(secret, row.sealed_passphrase),
    subject: row.subject,
  };
}

const sealed = (secret: string, certificate: SigningCertificate) => [
  seal(secret, certificate.p12.toString("base64")),
  seal(secret, certificate.passphrase),
  certificate.subject,
];

/**
 * The development certificate kept in `documents.signing_certificate`, its private material sealed
 * with PORTAL_SECRET. Instances starting together each generate one, the first insert wins and
 * every instance uses the stored row. A row sealed under another PORTAL_SECRET (the secret was
 * rotated) is replaced: development seals are not trusted anyway.
 */
export async function loadDevelopmentCertificate(orm: MikroORM, secret: string): Promise<SigningCertificate> {
  const em = forkFor(orm, null);
  const read = async () =>
    (await sql<Row>(em, `select sealed_p12, sealed_passphrase, subject from "documents"."signing_certificate" where id = 1`))[0];
  let row = await read();
  if (!row) {
    await sql(
      em,
      `insert into "documents"."signing_certificate" (id, sealed_p12, sealed_passphrase, subject) values (1, ?, ?, ?) on conflict (id) do nothing`,
      sealed(secret, createDevelopmentCertificate(DEVELOPMENT_NAME)),
    );
    row = (await read())!;
  }
  try {
    return open(secret, row);
  } catch {
    console.warn("[documents] the stored development signing certificate was sealed with another PORTAL_SECRET; generating a new one");
    const fresh = createDevelopmentCertificate(DEVELOPMENT_NAME);
    await sql(
      em,
      `update "documents"."signing_certificate" set sealed_p12 = ?, sealed_passphrase = ?, subject = ?, created_at = now() where id = 1`,
      sealed(secret, fresh),
    );
    return fresh;
  }
}

/** Where completion gets the platform certificate: configured, or the stored development one (loaded once). */
export interface CertificateSource {
  certificate(): Promise<SigningCertificate>;
}

export function certificateSource(configured: SigningCertificate | null, orm: () => MikroORM, secret: string): CertificateSource {
  let loading: Promise<SigningCertificate> | null = null;
  return {
    certificate() {
      if (configured) return Promise.resolve(configured);
      loading ??= loadDevelopmentCertificate(orm(), secret).catch((error) => {
        loading = null;
        throw error;
      });
      return loading;
    },
  };
}
