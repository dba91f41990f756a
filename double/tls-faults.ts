/** The double's TLS deployment faults, applied to the built (not yet listening) sites. */
import tls from 'node:tls';
import type { Pki } from '../certs/store';
import type { Mock } from '../mock/build';
import type { DeploymentFault } from './faults';

export function applyTlsFaults(mock: Mock, pki: Pki, faults: ReadonlySet<DeploymentFault>): void {
  if (faults.has('tls10')) {
    // A server configured with an old protocol floor: OpenSSL 3 offers TLS 1.0/1.1 only at
    // security level 0, so that is what such a deployment runs.
    (mock.sites.webra2.server as unknown as tls.Server).setSecureContext({
      key: pki.server.keyPem,
      cert: pki.server.certPem,
      minVersion: 'TLSv1',
      ciphers: 'DEFAULT:@SECLEVEL=0',
    });
  }
  if (faults.has('no-client-cert-request')) {
    // ds configured without "client certificate required": the TLS front (mock/tls-front.ts)
    // is replaced by a plain handshake that never sends a CertificateRequest.
    const server = mock.sites.ds.server as unknown as tls.Server;
    const plain: tls.TlsOptions = { key: pki.server.keyPem, cert: pki.server.certPem, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' };
    server.removeAllListeners('connection');
    server.on('connection', (raw) => {
      const per = new tls.Server(plain);
      per.on('secureConnection', (socket) => server.emit('secureConnection', socket));
      per.on('tlsClientError', (_e, socket) => socket.destroy());
      per.emit('connection', raw);
    });
  }
}
