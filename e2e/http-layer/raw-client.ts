/**
 * Bytes no HTTP client will send (a bad HTTP version, raw UTF-8 in the request target, binary
 * garbage), written to one connection the spec controls, with the client certificate where the
 * host asks for one. The answer is read until the server closes; a server that does not close
 * within `boundMs` fails the spec (catalogue F: the connection closes in bounded time).
 */
import net from 'node:net';
import tls from 'node:tls';

export interface RawAnswer {
  status: number;
  /** Header block, lower-cased (names and values), without the status line. */
  headers: string;
  body: string;
}

export interface RawOptions {
  /** PEMs of the trusted server CA(s). */
  ca?: string;
  cert?: Buffer;
  key?: Buffer;
  boundMs?: number;
}

export function rawExchange(origin: string, bytes: Buffer, options: RawOptions = {}): Promise<RawAnswer> {
  const u = new URL(origin);
  const secure = u.protocol === 'https:';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const boundMs = options.boundMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const socket: net.Socket = secure
      ? tls.connect({ host, port: Number(u.port), servername: net.isIP(host) ? undefined : host, ca: options.ca, cert: options.cert, key: options.key })
      : net.connect({ host, port: Number(u.port || 80) });
    const chunks: Buffer[] = [];
    const bound = setTimeout(() => {
      socket.destroy();
      reject(new Error(`${origin}: the connection was still open ${boundMs} ms after the request`));
    }, boundMs);
    // Our side stays open, as a browser's does: the server must end the exchange itself.
    socket.once(secure ? 'secureConnect' : 'connect', () => socket.write(bytes));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(bound);
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split < 0 ? text : text.slice(0, split);
      resolve({
        status: Number(/^HTTP\/1\.[01] (\d{3}) /.exec(head)?.[1] ?? 0),
        headers: head.slice(head.indexOf('\r\n') + 2).toLowerCase(),
        body: split < 0 ? '' : text.slice(split + 4),
      });
    });
  });
}
