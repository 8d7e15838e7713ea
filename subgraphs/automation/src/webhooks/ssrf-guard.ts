import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Address ranges a webhook may never reach in production: the machine itself, the private network
 * it sits in and the cloud metadata service. ipaddr.js names every special-purpose range; only
 * `unicast` (public) addresses pass. IPv4-mapped IPv6 addresses are judged as the IPv4 they carry.
 */
const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  linkLocal: "a link-local address",
  uniqueLocal: "a unique-local address",
  carrierGradeNat: "a shared (CGNAT) address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

/** Hosts that answer for cloud metadata under a name, whatever they resolve to. */
const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata", "instance-data"]);

/** Why `address` is refused, or null for a public unicast address. */
export function blockedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === "unicast") return null;
  return RANGE_NAMES[range] ?? `a special-purpose address (${range})`;
}

export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

/** The URL's host without IPv6 brackets, lower-cased. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

/** A checked destination: the address to connect to (never looked up again), or why it is refused. */
export type Destination = { address: string; family: number } | { refused: string };

/**
 * Resolves the host and checks every address it has (an attacker's name may mix a public and a
 * private one); the caller connects to the returned address, so DNS cannot change between the
 * check and the connection.
 */
export async function checkedDestination(url: URL, resolve: Resolve = systemResolve): Promise<Destination> {
  const host = hostOf(url);
  if (METADATA_HOSTS.has(host)) return { refused: `${host} is a cloud metadata host` };
  if (isIP(host)) {
    const reason = blockedAddressReason(host);
    return reason ? { refused: `${host} is ${reason}` } : { address: host, family: isIP(host) };
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    return { refused: `${host} could not be resolved (${(error as NodeJS.ErrnoException).code ?? "DNS error"})` };
  }
  if (addresses.length === 0) return { refused: `${host} has no address` };
  for (const { address } of addresses) {
    const reason = blockedAddressReason(address);
    if (reason) return { refused: `${host} resolves to ${reason} (${address})` };
  }
  return addresses[0]!;
}

/**
 * The registration check: the URL's shape, and in production https and a host that is (or resolves
 * to) public addresses only. Returns the message for the `url` field, or null when it is acceptable.
 */
export async function endpointUrlProblem(raw: string, production: boolean, resolve: Resolve = systemResolve): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL such as https://example.com/webhooks";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The URL must start with https://";
  if (url.username || url.password) return "The URL may not contain a user name or password";
  if (raw.length > 2000) return "The URL may be at most 2000 characters";
  if (!production) return null;
  if (url.protocol !== "https:") return "The URL must use https";
  const destination = await checkedDestination(url, resolve);
  return "refused" in destination ? `Not allowed: ${destination.refused}` : null;
}
