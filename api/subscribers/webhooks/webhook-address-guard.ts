import { lookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Webhook URLs are typed by the public, so Hali must not be made to call into its own network
 * (SSRF): loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * multicast and reserved ranges are refused, for IPv4, IPv6 and IPv4-mapped IPv6. The check runs
 * on the address actually connected to (a lookup hook), so a name that resolves to a public
 * address at registration and a private one later (DNS rebinding) is still refused.
 * `allowPrivate` (config.webhooks.allowPrivateAddresses) lets tests use a local receiver.
 */
const refused = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  refused.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  refused.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return refused.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return refused.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a webhook URL cannot be used, or null. Addresses written as IPs are checked here; names when connecting. */
export function webhookUrlProblem(url: string, allowPrivate: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a web address; send a full https:// URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be an http:// or https:// address';
  if (parsed.username || parsed.password) return 'must not carry a user name or password; put a secret in the path instead';
  if (url.length > 2000) return 'is longer than 2,000 characters';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && isPrivateAddress(host)))) {
    return 'points at a private or loopback address; webhooks must be reachable on the internet';
  }
  return null;
}

/** A dns.lookup for http.request that fails the connection when the name resolves to a refused address. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return function guardedLookup(hostname, options, callback) {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as unknown as { address: string; family: number }[];
      const blocked = !allowPrivate && list.some((entry) => isPrivateAddress(entry.address));
      if (blocked || list.length === 0) {
        return callback(Object.assign(new Error(`${hostname} resolves to a private or loopback address; refused`), { code: 'EHALIPRIVATE' }), '', 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
