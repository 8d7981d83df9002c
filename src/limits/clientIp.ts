/**
 * @module limits/clientIp
 * The address a request is counted against. Only a proxy listed in
 * `trusted_proxies` is believed about who it forwards for: walking
 * `X-Forwarded-For` from the right (the hop nearest to us), every trusted
 * address is skipped and the first untrusted one is the client. Without
 * trusted proxies the socket address is the client, whatever the header says,
 * so a client cannot pick its own key by sending the header.
 */
import { BlockList, isIP } from 'node:net';

/** Builds the trusted set from `trusted_proxies` entries: addresses or CIDR ranges, IPv4 or IPv6. */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) is `1.2.3.4`. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export function clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  let client = normalise(socketAddress ?? '');
  if (!isTrusted(client, trusted) || forwardedFor === undefined) return client || 'unknown';
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(normalise);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) break; // garbage: stop at the last address we could read
    client = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return client;
}
