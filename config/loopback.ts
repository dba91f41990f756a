/**
 * Is a listen address loopback? Parsed, never matched as text: "127.evil.example" is a host
 * name, not an address, and "::ffff:127.0.0.1" or "0:0:0:0:0:0:0:1" are loopback although
 * they do not look like it. Used by every server that must never be reachable from elsewhere
 * (the mock's admin API, the mailbox API).
 */
import net from 'node:net';

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
// IPv4-mapped IPv6 (::ffff:127.0.0.0/104).
LOOPBACK.addSubnet('::ffff:7f00:0', 104, 'ipv6');

/** `[::1]` (a URL's hostname) → `::1`. */
export const unbracket = (host: string) => (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);

/** A host written into a URL: IPv6 addresses need brackets. */
export const urlHost = (host: string) => (net.isIPv6(host) ? `[${host}]` : host);

export function isLoopbackAddress(host: string): boolean {
  const address = unbracket(host);
  const family = net.isIP(address);
  if (family === 0) return false;
  return LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The address to listen on for a loopback-only server: `localhost` becomes 127.0.0.1 (a name
 * could resolve anywhere), a loopback address stays, anything else throws.
 */
export function loopbackListenHost(host: string, what: string): string {
  if (host === 'localhost') return '127.0.0.1';
  const address = unbracket(host);
  if (isLoopbackAddress(address)) return address;
  throw new Error(`${what} listens on loopback only; refusing host ${JSON.stringify(host)}`);
}
