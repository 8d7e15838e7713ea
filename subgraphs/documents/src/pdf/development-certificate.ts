import forge from "node-forge";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { certificateSubject, toP12, type SigningCertificate } from "./signing-certificate.js";

const VALID_YEARS = 10;
/** node-forge's typings declare the tag class field with the wrong enum; the value is a tag type. */
const UTF8_STRING = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

/**
 * A self-signed RSA 2048 certificate for sealing documents when no certificate is configured
 * (development, tests, the embedded demo). Readers validate the seal's integrity but mark the
 * signer as untrusted. The passphrase is random; persist it with the bundle.
 */
export function createDevelopmentCertificate(commonName: string): SigningCertificate {
  const { privateKey: privatePem, publicKey: publicPem } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const key = forge.pki.privateKeyFromPem(privatePem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  // A positive serial: the high bit of the first byte cleared.
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString("hex");
  const notBefore = new Date();
  notBefore.setUTCMinutes(notBefore.getUTCMinutes() - 5); // tolerate small clock differences
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const name = commonName.trim() || "Client Portal development signing";
  const attributes = [
    { name: "commonName", value: forge.util.encodeUtf8(name), valueTagClass: UTF8_STRING },
    { name: "organizationName", value: "Client Portal (development certificate)", valueTagClass: UTF8_STRING },
  ];
  cert.setSubject(attributes);
  cert.setIssuer(attributes);
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const passphrase = randomBytes(24).toString("base64url");
  const subject = certificateSubject(cert);
  return { p12: toP12(key, [cert], passphrase, subject), passphrase, subject };
}
