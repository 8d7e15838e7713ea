import forge from "node-forge";
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildSealedPdf, createDevelopmentCertificate, loadSigningCertificate, type SigningCertificate } from "../src/pdf/index.js";
import { makeSourcePdf, pdfsig, sha256 } from "./pdf-fixtures.js";

function rsaKeys(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const pair = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { privateKey: forge.pki.privateKeyFromPem(pair.privateKey), publicKey: forge.pki.publicKeyFromPem(pair.publicKey) };
}

/** A PKCS#12 as an operator might provide it, in base64. */
function makeP12(options: { commonName: string; notAfter?: Date; passphrase: string | null; mismatchedCertificate?: boolean }): string {
  const keys = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = options.mismatchedCertificate ? rsaKeys().publicKey : keys.publicKey;
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date("2020-01-01T00:00:00Z");
  cert.validity.notAfter = options.notAfter ?? new Date("2099-01-01T00:00:00Z");
  const attributes = [{ name: "commonName", value: options.commonName }];
  cert.setSubject(attributes);
  cert.setIssuer(attributes);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  // Without a passphrase the key is stored in a plain key bag, and the file has no MAC.
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], options.passphrase, {
    algorithm: "3des",
    useMac: options.passphrase !== null,
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary").toString("base64");
}

function openP12(certificate: SigningCertificate): forge.pki.Certificate {
  const p12 = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(certificate.p12.toString("binary"))),
    false,
    certificate.passphrase,
  );
  const bags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  return bags[0]!.cert!;
}

async function sealWith(certificate: SigningCertificate): Promise<string> {
  const original = await makeSourcePdf(1);
  const { pdf } = await buildSealedPdf({
    original,
    originalSha256: sha256(original),
    documentId: "certificate-check",
    title: "Certificate check",
    businessName: "Acme",
    completedAt: new Date(),
    fields: [],
    recipients: [],
    audit: [],
    certificate,
  });
  return pdfsig(pdf);
}

describe("createDevelopmentCertificate", () => {
  it("creates a self-signed RSA 2048 certificate for signing, valid for ten years", () => {
    const certificate = createDevelopmentCertificate("Zoë's Studio development seal");
    const cert = openP12(certificate);
    expect(certificate.subject).toContain("CN=Zoë's Studio development seal");
    expect(cert.issuer.hash).toBe(cert.subject.hash);
    expect(cert.verify(cert)).toBe(true);
    expect((cert.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBe(2048);
    const years = (cert.validity.notAfter.getTime() - cert.validity.notBefore.getTime()) / (365.25 * 24 * 3600 * 1000);
    expect(years).toBeGreaterThan(9.99);
    expect(years).toBeLessThan(10.01);
    const keyUsage = cert.getExtension("keyUsage") as { digitalSignature?: boolean; nonRepudiation?: boolean; keyCertSign?: boolean };
    expect(keyUsage).toMatchObject({ digitalSignature: true, nonRepudiation: true });
    expect(keyUsage.keyCertSign).toBeFalsy();
  });

  it("gives every certificate its own key and passphrase", () => {
    const a = createDevelopmentCertificate("Seal");
    const b = createDevelopmentCertificate("Seal");
    expect(a.passphrase).not.toBe(b.passphrase);
    expect(forge.pki.certificateToPem(openP12(a))).not.toBe(forge.pki.certificateToPem(openP12(b)));
  });
});

describe("loadSigningCertificate", () => {
  it("opens a stored development certificate and seals with it", async () => {
    const created = createDevelopmentCertificate("Stored seal");
    const loaded = loadSigningCertificate(created.p12.toString("base64"), created.passphrase);
    expect(loaded.subject).toBe(created.subject);
    const report = await sealWith(loaded);
    expect(report).toContain("Signature Validation: Signature is Valid.");
    expect(report).toContain("Signer Certificate Common Name: Stored seal");
  });

  it("accepts an operator's PKCS#12 whose key is not password-protected inside the file", async () => {
    const loaded = loadSigningCertificate(makeP12({ commonName: "Acme production seal", passphrase: null }), "");
    expect(loaded.subject).toBe("CN=Acme production seal");
    expect(await sealWith(loaded)).toContain("Signature Validation: Signature is Valid.");
  });

  it("refuses a wrong passphrase", () => {
    const p12 = makeP12({ commonName: "Acme", passphrase: "correct horse" });
    expect(loadSigningCertificate(p12, "correct horse").subject).toBe("CN=Acme");
    expect(() => loadSigningCertificate(p12, "battery staple")).toThrow(/could not be opened.*Invalid password/);
  });

  it("refuses input that is not a base64 PKCS#12", () => {
    expect(() => loadSigningCertificate("", "x")).toThrow(/base64-encoded PKCS#12/);
    expect(() => loadSigningCertificate("not base64 at all!", "x")).toThrow(/base64-encoded PKCS#12/);
    expect(() => loadSigningCertificate(Buffer.from("-----BEGIN CERTIFICATE-----").toString("base64"), "x")).toThrow(/could not be opened/);
  });

  it("refuses an expired certificate and a certificate that does not match the key", () => {
    expect(() =>
      loadSigningCertificate(makeP12({ commonName: "Old", passphrase: "p", notAfter: new Date("2021-01-01T00:00:00Z") }), "p"),
    ).toThrow(/expired on 2021-01-01/);
    expect(() => loadSigningCertificate(makeP12({ commonName: "Mixed", passphrase: "p", mismatchedCertificate: true }), "p")).toThrow(
      /no certificate matching its private key/,
    );
  });
});
