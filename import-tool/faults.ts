/** Places the import-tool model cannot reach, for the network specs (EG25 1-1). */
import net from 'node:net';

/** A place the model cannot reach: the base URL to give it, and how to release it. */
export interface BlockedHost {
  url: string;
  close: () => Promise<void>;
}

/**
 * A port of `host` where nothing listens (bound, read back, closed): the connection is refused
 * by the host itself, as with a closed port or a REJECT rule. Given the mock's own host name,
 * the mock's host is really unreachable on it.
 */
export async function closedPort(scheme: 'http' | 'https', host = '127.0.0.1'): Promise<BlockedHost> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: `${scheme}://${host}:${port}`, close: () => Promise.resolve() };
}
