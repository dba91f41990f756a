/**
 * repo1 of the double: the CA certificates the guides name (EG25 §2-1 8.), as a CA publishes
 * them — intermediates carry a CRL distribution point on repo1 itself — and the roots' CRLs
 * at those points. The embedded mock's repo1 serves bare certificates (its suite never needs
 * CRLs over HTTP); a deployment is judged by its repository, so the double publishes its own.
 *
 * An intermediate is re-signed by its root with the same subject, key and key identifiers
 * plus the CDP extension: client certificates issued under the original still chain to it.
 */
import { createPrivateKey, webcrypto } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createCrl } from '../certs/crl';
import { x509 } from '../certs/peculiar-x509';
import type { CaItem, Pki } from '../certs/store';
import { CHAIN_FILES } from '../mock/sites/repository';
import { NO_INPUT } from '../mock/input-schema';
import { createSite } from '../mock/site';
import type { DeploymentFault } from './faults';

const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

/** Where each root's CRL is published (the production layout: /SC-Root1/SCRoot1CRL.crl). */
export const CRL_PATHS = { 'root-ca1': '/SC-Root1/SCRoot1CRL.crl', 'root-ca2': '/SC-Root2/SCRoot2CRL.crl' } as const;

/** The intermediate left out by `repo-missing-intermediate`. */
export const MISSING_INTERMEDIATE_PATH = '/spcpp/pfm20pub/ca8/PfM20PUBCA8.cer';

async function republish(ca: CaItem, issuer: CaItem, cdpUrl: string): Promise<Buffer> {
  const original = new x509.X509Certificate(ca.certPem);
  const pkcs8 = createPrivateKey(issuer.keyPem).export({ type: 'pkcs8', format: 'der' });
  const signingKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, ALG, false, ['sign']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: original.serialNumber,
    subject: original.subjectName,
    issuer: new x509.X509Certificate(issuer.certPem).subjectName,
    notBefore: original.notBefore,
    notAfter: original.notAfter,
    publicKey: original.publicKey,
    signingKey,
    signingAlgorithm: ALG,
    extensions: [...original.extensions, new x509.CRLDistributionPointsExtension([cdpUrl])],
  });
  return Buffer.from(cert.rawData);
}

const pemToDer = (pem: string) => Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');

/** Path → body of everything repo1 publishes, for a repo1 reachable at `baseUrl`. */
export async function publishRepository(pki: Pki, baseUrl: string, faults: ReadonlySet<DeploymentFault>): Promise<Map<string, { type: string; body: Buffer }>> {
  const files = new Map<string, { type: string; body: Buffer }>();
  const cert = (body: Buffer) => ({ type: 'application/pkix-cert', body });
  const { cas } = pki;
  files.set(CHAIN_FILES['pub-ca1'][0].path, cert(pemToDer(cas['root-ca1'].certPem)));
  files.set(CHAIN_FILES['pub-ca8'][0].path, cert(pemToDer(cas['root-ca2'].certPem)));
  files.set(CHAIN_FILES['rsa-ca16'][0].path, cert(pemToDer(cas['rsa-ca16'].certPem)));
  files.set(CHAIN_FILES['pub-ca1'][1].path, cert(await republish(cas['pub-ca1'], cas['root-ca1'], `${baseUrl}${CRL_PATHS['root-ca1']}`)));
  files.set(CHAIN_FILES['pub-ca8'][1].path, cert(await republish(cas['pub-ca8'], cas['root-ca2'], `${baseUrl}${CRL_PATHS['root-ca2']}`)));
  if (faults.has('repo-missing-intermediate')) files.delete(MISSING_INTERMEDIATE_PATH);
  for (const id of ['root-ca1', 'root-ca2'] as const) {
    // A stale CRL: issued 40 days ago, due for renewal 10 days ago, never renewed.
    const stale = faults.has('stale-crl') && id === 'root-ca1';
    const now = Date.now();
    const crl = await createCrl({
      caCertPem: cas[id].certPem,
      caKeyPem: cas[id].keyPem,
      ...(stale ? { thisUpdate: new Date(now - 40 * DAY), nextUpdate: new Date(now - 10 * DAY) } : {}),
    });
    files.set(CRL_PATHS[id], { type: 'application/pkix-crl', body: pemToDer(crl.pem) });
  }
  return files;
}

/** A plain-HTTP server of those files; filled once the port (and so the CDP URLs) is known. */
export function buildRepository(): { app: FastifyInstance; publish(files: Map<string, { type: string; body: Buffer }>): void } {
  let files = new Map<string, { type: string; body: Buffer }>();
  // The service's own bounds and Japanese error pages, as on the mock's repo1 (bad requests
  // below the forms get the error page, never a framework's JSON).
  const app = createSite('repo1', null, '');
  app.get('/*', { schema: NO_INPUT }, async (req, reply) => {
    const file = files.get(new URL(req.url, 'http://x').pathname);
    if (!file) return reply.callNotFound();
    return reply.type(file.type).header('content-disposition', `attachment; filename="${req.url.split('/').pop()}"`).send(file.body);
  });
  return { app, publish: (f) => void (files = f) };
}
