import forge from "node-forge";

/** A PKCS#12 bundle (certificate and private key) that seals completed documents. */
export interface SigningCertificate {
  p12: Buffer;
  passphrase: string;
  /** The certificate's subject, e.g. "CN=Client Portal, O=Example Ltd". */
  subject: string;
}

/** forge keeps UTF8String values as their raw bytes. */
function attributeText(attribute: forge.pki.CertificateField): string {
  const value = String(attribute.value ?? "");
  if ((attribute.valueTagClass as unknown) !== forge.asn1.Type.UTF8) return value;
  try {
    return forge.util.decodeUtf8(value);
  } catch {
    return value;
  }
}

export function certificateSubject(cert: forge.pki.Certificate): string {
  return cert.subject.attributes
    .map((attribute) => `${attribute.shortName ?? attribute.name ?? attribute.type}=${attributeText(attribute)}`)
    .join(", ");
}

/**
 * Writes key and certificates as a PKCS#12 the signer can read: node-forge (used by
 * @signpdf/signer-p12) only looks for a password-protected (shrouded) key bag.
 */
export function toP12(
  key: forge.pki.rsa.PrivateKey,
  certificates: forge.pki.Certificate[],
  passphrase: string,
  friendlyName: string,
): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certificates, passphrase, { algorithm: "aes256", friendlyName });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}

function isRsaKey(key: unknown): key is forge.pki.rsa.PrivateKey {
  return typeof key === "object" && key !== null && "n" in key && "e" in key && "d" in key;
}

function matches(key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate): boolean {
  const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
  return !!publicKey.n && publicKey.n.compareTo(key.n) === 0 && publicKey.e.compareTo(key.e) === 0;
}

/**
 * Opens a base64 PKCS#12 and checks it holds an RSA private key with its certificate, currently
 * valid. The result is re-packed so the signer can always read it. Throws a descriptive Error.
 */
export function loadSigningCertificate(p12Base64: string, passphrase: string, now = new Date()): SigningCertificate {
  const compact = (p12Base64 ?? "").replace(/\s+/g, "");
  if (!compact || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw new Error("The signing certificate must be a base64-encoded PKCS#12 (.p12/.pfx) file.");
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.createBuffer(Buffer.from(compact, "base64").toString("binary"));
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, passphrase);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The signing certificate could not be opened (wrong passphrase, not a PKCS#12 file, or an encryption this server cannot read: re-export it with AES-256 or 3DES): ${reason}`,
    );
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const key = keyBags.map((bag) => bag.key).find(isRsaKey);
  if (!key) throw new Error("The signing certificate file has no RSA private key.");
  const certificates = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => !!cert);
  const own = certificates.find((cert) => matches(key, cert));
  if (!own) throw new Error("The signing certificate file has no certificate matching its private key.");
  if (own.validity.notAfter < now) {
    throw new Error(`The signing certificate expired on ${own.validity.notAfter.toISOString()}.`);
  }
  if (own.validity.notBefore > now) {
    throw new Error(`The signing certificate is not valid before ${own.validity.notBefore.toISOString()}.`);
  }
  const chain = [own, ...certificates.filter((cert) => cert !== own)];
  const subject = certificateSubject(own);
  return { p12: toP12(key, chain, passphrase, subject), passphrase, subject };
}
