/**
 * Unit tests of the test PKI (certs/): every pre-made variant is parsed,
 * chained to its intended root and pushed through a REAL Node TLS server
 * configured like the mock (clientAuthTlsOptions), pinning the exact
 * authorizationError Node reports. Also covers run-time issuance (CSR, public
 * key, signing profile with Japanese names through PKCS#12) and the on-disk
 * cache (reuse, regeneration, concurrent builders).
 *
 * Run: node --import tsx --test tests/unit/pki.test.ts
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createPublicKey, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import forge from 'node-forge';
import '../../certs/crl'; // sets @peculiar/x509's crypto provider
import { CA_DEFINITIONS, CHAIN_NAMES, type TlsExpectation, type VariantName, VARIANTS } from '../../certs/definition';
import { checkClientPurpose, issueClientCertificate, issueSigningCertificate, makeLoginCommonName, parseCertificate, splitPemBundle, toPkcs12 } from '../../certs/issue';
import { buildTrustedCrls, loadPki, loadPkiSync, type Pki, type VariantItem } from '../../certs/store';
import { type ClientAuthorization, clientAuthTlsOptions, explainClientAuthorization, mockServerTlsOptions } from '../../certs/tls';
import { generateRsaKeyPair } from '../../certs/keys';

const execFileAsync = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '../..');
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'pki-unit-'));
let pki: Pki;

before(async () => {
  // A private cache so the test never races the real certs/out used by a running mock.
  pki = await loadPki({ dir: path.join(tmpRoot, 'main') });
});
after(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

// ---------------------------------------------------------------------------
// Observed on Node 20.20 / OpenSSL 3.0.19 with clientAuthTlsOptions():
// every negative variant completes the handshake with socket.authorized ===
// false (rejectUnauthorized is false); NONE is a handshake (tlsClientError).

type Expected = { authorized: true } | { authorized: false; code: string; normalizedCode: string; opensslMessage: string };
const rejected = (code: string, opensslMessage: string, normalizedCode = code): Expected => ({ authorized: false, code, normalizedCode, opensslMessage });

const EXPECTED: Record<VariantName, Expected> = {
  'valid-pub-ca1': { authorized: true },
  'valid-pub-ca8': { authorized: true },
  'valid-rsa-ca16': { authorized: true },
  expired: rejected('CERT_HAS_EXPIRED', 'certificate has expired'),
  'not-yet-valid': rejected('CERT_NOT_YET_VALID', 'certificate is not yet valid'),
  revoked: rejected('CERT_REVOKED', 'certificate revoked'),
  // A lone leaf with an unknown issuer: OpenSSL reports error 21, not UNABLE_TO_GET_ISSUER_CERT_LOCALLY.
  'unknown-ca': rejected('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'),
  // DEPTH_ZERO_SELF_SIGNED_CERT is overwritten by the failing CRL lookup for the (self) issuer.
  'self-signed': rejected('UNABLE_TO_GET_CRL', 'unable to get certificate CRL', 'DEPTH_ZERO_SELF_SIGNED_CERT'),
  // OpenSSL checks purpose "sslclient" on the server side by default: no extra code needed.
  'server-auth-only': rejected('INVALID_PURPOSE', 'unsuitable certificate purpose'),
  'missing-intermediate': rejected('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'),
  // X509_V_ERR_EE_KEY_TOO_SMALL (66) — an authorizationError, not a handshake error; Node names it UNSPECIFIED.
  'rsa-1024': rejected('UNSPECIFIED', 'EE certificate key too weak', 'EE_KEY_TOO_SMALL'),
  signing: rejected('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'),
};

// ---------------------------------------------------------------------------
// TLS probe

type Outcome =
  | { kind: 'secureConnection'; authorized: boolean; code: string | null; explained: ClientAuthorization; opensslMessage?: string }
  | { kind: 'tlsClientError'; code?: string; message: string };

/** Connect `client` to a fresh server and report what the SERVER saw. */
async function probe(client: tls.ConnectionOptions, serverOptions: tls.TlsOptions = mockServerTlsOptions(pki)): Promise<Outcome> {
  const server = tls.createServer(serverOptions);
  const sockets: tls.TLSSocket[] = [];
  try {
    return await new Promise<Outcome>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('TLS probe timed out')), 5000);
      server.on('secureConnection', (s) => {
        clearTimeout(timer);
        // Internal handle: the only way to read OpenSSL's text for the verify error (diagnostics only).
        const handle = (s as unknown as { _handle?: { verifyError?: () => Error | null } })._handle;
        const opensslMessage = handle?.verifyError?.()?.message;
        resolve({ kind: 'secureConnection', authorized: s.authorized, code: s.authorized ? null : String(s.authorizationError), explained: explainClientAuthorization(s), opensslMessage });
        s.end();
      });
      server.on('tlsClientError', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve({ kind: 'tlsClientError', code: e.code, message: e.message });
      });
      server.listen(0, '127.0.0.1', () => {
        const c = tls.connect({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, ca: pki.serverCa.certPem, ...client });
        c.on('error', () => undefined); // the server side is what we assert
        sockets.push(c);
      });
    });
  } finally {
    for (const c of sockets) c.destroy();
    await new Promise((r) => server.close(r));
  }
}

function assertOutcome(name: string, outcome: Outcome, expected: Expected): void {
  assert.equal(outcome.kind, 'secureConnection', `${name}: expected a completed handshake, got ${JSON.stringify(outcome)}`);
  if (outcome.kind !== 'secureConnection') return;
  if (expected.authorized) {
    assert.equal(outcome.authorized, true, `${name}: expected authorized, got ${outcome.code}`);
    assert.equal(outcome.code, null);
    return;
  }
  assert.equal(outcome.authorized, false, `${name}: expected rejection`);
  assert.equal(outcome.code, expected.code, `${name}: authorizationError`);
  assert.equal(outcome.explained.normalizedCode, expected.normalizedCode, `${name}: normalized reason`);
  if (outcome.opensslMessage !== undefined) assert.equal(outcome.opensslMessage, expected.opensslMessage, `${name}: OpenSSL message`);
}

function toExpected(e: TlsExpectation): Expected {
  return e.kind === 'authorized' ? { authorized: true } : { authorized: false, code: e.code, normalizedCode: e.normalizedCode, opensslMessage: e.opensslMessage };
}

const variantNames = Object.keys(VARIANTS) as VariantName[];
const x = (pem: string) => new X509Certificate(pem);

// ---------------------------------------------------------------------------

describe('PKI structure', () => {
  test('chains: issuer is the intermediate where there is one, the root for rsa-ca16', () => {
    assert.equal(pki.chains['pub-ca1'].root.subjectCN, 'Security Communication RootCA1 TEST');
    assert.equal(pki.chains['pub-ca1'].issuer.subjectCN, 'SECOM Passport for Member PUB CA1 TEST');
    assert.equal(pki.chains['pub-ca8'].root.subjectCN, 'Security Communication RootCA2 TEST');
    assert.equal(pki.chains['pub-ca8'].issuer.subjectCN, 'SECOM Passport for Member PUB CA8 TEST');
    assert.equal(pki.chains['rsa-ca16'].issuer, pki.chains['rsa-ca16'].root);
    assert.equal(pki.chains['rsa-ca16'].intermediate, undefined);
    assert.equal(pki.serverCa.subjectCN, 'Onboarding Mock Server CA TEST');
    assert.equal(pki.signingCa.subjectCN, 'SECOM Passport for PublicID TEST');
    assert.equal(pki.unknownCa.subjectCN, 'Unknown Test CA');
    for (const name of CHAIN_NAMES) {
      const { root, intermediate } = pki.chains[name];
      const r = x(root.certPem);
      assert.ok(r.checkIssued(r) && r.verify(r.publicKey), `${name}: root is self-signed`);
      assert.equal(parseCertificate(root.certPem).isCa, true);
      if (intermediate) {
        const i = x(intermediate.certPem);
        assert.ok(i.checkIssued(r) && i.verify(r.publicKey), `${name}: intermediate signed by root`);
        assert.deepEqual(intermediate.chainPem, []);
        assert.equal(intermediate.rootPem, root.certPem);
      }
    }
  });

  test('client trust bundle = the three roots only (no intermediates)', () => {
    const got = splitPemBundle(pki.clientTrustPem).map((p) => x(p).fingerprint256).sort();
    const want = [pki.chains['pub-ca1'].root, pki.chains['pub-ca8'].root, pki.chains['rsa-ca16'].root].map((c) => c.fingerprint256).sort();
    assert.deepEqual(got, want);
    assert.equal(fs.readFileSync(pki.clientTrustPath, 'utf8'), pki.clientTrustPem);
  });

  test('CRLs: one current, correctly signed CRL per trusted CA; revoked serial on PUB CA1', async () => {
    const trusted = [pki.cas['root-ca1'], pki.cas['pub-ca1'], pki.cas['root-ca2'], pki.cas['pub-ca8'], pki.cas['rsa-ca16']];
    assert.equal(pki.crlPems.length, trusted.length);
    assert.equal(pki.crlPems.join(''), pki.crlPem);
    assert.deepEqual(clientAuthTlsOptions(pki).crl, pki.crlPems);
    const now = Date.now();
    for (const [i, pem] of pki.crlPems.entries()) {
      assert.match(pem, /^-----BEGIN X509 CRL-----\n/);
      const crl = new x509.X509Crl(pem);
      const ca = new x509.X509Certificate(trusted[i].certPem);
      assert.equal(crl.issuer, ca.subject);
      assert.ok(await crl.verify({ publicKey: ca.publicKey }), `CRL of ${trusted[i].subjectCN} verifies`);
      assert.ok(crl.thisUpdate.getTime() <= now - 4 * 60_000, 'thisUpdate backdated ~5 min');
      const days = ((crl.nextUpdate?.getTime() ?? 0) - now) / 86_400_000;
      assert.ok(days > 29.9 && days <= 30.01, `nextUpdate ≈ +30 d (${days})`);
      const serials = crl.entries.map((e) => e.serialNumber.toUpperCase());
      assert.deepEqual(serials, trusted[i].id === 'pub-ca1' ? [pki.variants.revoked.serialHex] : []);
    }
  });

  test('PKI fingerprint is short and stable across reads', () => {
    assert.match(pki.fingerprint, /^[0-9A-F]{16}$/);
    assert.equal(loadPkiSync({ dir: pki.dir }).fingerprint, pki.fingerprint);
  });

  test('manifest lists every item with paths, validity and the PKCS#12 password', () => {
    const m = JSON.parse(fs.readFileSync(pki.manifestPath, 'utf8')) as { items: { name: string; files: Record<string, string>; p12Password: string; serialHex: string }[] };
    const names = m.items.map((i) => i.name).sort();
    assert.deepEqual(names, [...CA_DEFINITIONS.map((c) => c.id), 'server', ...variantNames].sort());
    for (const item of m.items) {
      assert.equal(item.p12Password, 'pki-test-p12');
      for (const f of Object.values(item.files)) assert.ok(fs.existsSync(path.join(pki.dir, f)), `${item.name}: ${f}`);
    }
  });
});

describe('variants: parsing and chaining', () => {
  for (const name of variantNames) {
    test(name, () => {
      const v: VariantItem = pki.variants[name];
      const def = VARIANTS[name];
      const parsed = parseCertificate(v.certPem);
      const nodeCert = x(v.certPem);

      // forge and Node agree on what was issued, and the item metadata matches.
      assert.equal(parsed.serialHex, nodeCert.serialNumber.toUpperCase());
      assert.equal(v.serialHex, parsed.serialHex);
      assert.equal(v.fingerprint256, nodeCert.fingerprint256);
      assert.equal(v.keyBits, def.keyBits);
      assert.equal(parsed.keyBits, def.keyBits);
      assert.equal(nodeCert.publicKey.asymmetricKeyDetails?.modulusLength, def.keyBits);
      assert.equal(v.subjectCN, parsed.subject.CN);
      if (def.profile === 'client') {
        assert.match(v.subjectCN, /^S47\d{5}P$/);
        assert.deepEqual(parsed.ekus, [...(def.eku ?? ['clientAuth'])]);
        assert.deepEqual(parsed.keyUsage, ['digitalSignature', 'keyEncipherment']);
      }
      assert.equal(parsed.isCa, false);
      assert.ok(createPublicKey(v.keyPem).equals(nodeCert.publicKey), 'key matches certificate');

      // Validity as defined.
      const now = Date.now();
      if (name === 'expired') assert.ok(v.notAfter.getTime() < now && v.notAfter.getTime() > now - 2 * 86_400_000);
      else if (name === 'not-yet-valid') assert.ok(v.notBefore.getTime() > now + 364 * 86_400_000);
      else assert.ok(v.notBefore.getTime() < now && v.notAfter.getTime() > now + 364 * 86_400_000);

      // Chains to the intended root.
      if (def.issuer === 'self') {
        // checkIssued() would be false: a leaf lacks keyCertSign. Same name + own signature = self-signed.
        assert.equal(nodeCert.issuer, nodeCert.subject);
        assert.ok(nodeCert.verify(nodeCert.publicKey));
        assert.equal(v.rootPem, v.certPem);
      } else {
        const issuerCa = pki.cas[def.issuer];
        assert.ok(nodeCert.checkIssued(x(issuerCa.certPem)), `${name}: issued by ${issuerCa.subjectCN}`);
        assert.ok(nodeCert.verify(x(issuerCa.certPem).publicKey), `${name}: signature by ${issuerCa.subjectCN}`);
        assert.equal(v.issuerCN, issuerCa.subjectCN);
        assert.equal(v.rootPem, issuerCa.rootPem);
      }
      const expectedChain = def.omitIntermediate || def.issuer === 'self' ? [] : def.issuer === 'pub-ca1' || def.issuer === 'pub-ca8' ? [pki.cas[def.issuer].certPem] : [];
      assert.deepEqual(v.chainPem, expectedChain);
      assert.equal(v.fullchainPem, [v.certPem, ...v.chainPem].join(''));
      assert.equal(fs.readFileSync(v.fullchainPath, 'utf8'), v.fullchainPem);

      // The PKCS#12 opens in OpenSSL (Node) and in forge, with leaf + chain (never the root).
      const p12 = fs.readFileSync(v.p12Path);
      assert.doesNotThrow(() => tls.createSecureContext({ pfx: p12, passphrase: v.p12Password }));
      const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), v.p12Password);
      const certBags = pfx.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
      assert.equal(certBags.length, 1 + v.chainPem.length);
    });
  }
});

describe('variants: Node TLS server (mock settings) accepts or rejects with the pinned reason', () => {
  test('the definition carries the same expectations as this test', () => {
    for (const name of variantNames) assert.deepEqual(toExpected(VARIANTS[name].expect), EXPECTED[name], name);
  });

  for (const name of variantNames) {
    test(`${name} (PEM leaf+chain)`, async () => {
      const v = pki.variants[name];
      const outcome = await probe({ cert: v.fullchainPem, key: v.keyPem });
      assertOutcome(name, outcome, EXPECTED[name]);
      if (name === 'rsa-1024' && outcome.kind === 'secureConnection') assert.equal(outcome.explained.peer?.keyBits, 1024);
    });
  }

  test('valid-pub-ca8 via its .p12 (intermediate inside) is authorized', async () => {
    const v = pki.variants['valid-pub-ca8'];
    assertOutcome('p12 valid-pub-ca8', await probe({ pfx: fs.readFileSync(v.p12Path), passphrase: v.p12Password }), EXPECTED['valid-pub-ca8']);
  });

  test('missing-intermediate via its .p12 is rejected the same way', async () => {
    const v = pki.variants['missing-intermediate'];
    assertOutcome('p12 missing-intermediate', await probe({ pfx: fs.readFileSync(v.p12Path), passphrase: v.p12Password }), EXPECTED['missing-intermediate']);
  });

  test('no client certificate → UNABLE_TO_GET_ISSUER_CERT (normalized NO_CLIENT_CERTIFICATE)', async () => {
    const o = await probe({});
    assert.equal(o.kind, 'secureConnection');
    if (o.kind !== 'secureConnection') return;
    assert.equal(o.code, 'UNABLE_TO_GET_ISSUER_CERT');
    assert.equal(o.explained.normalizedCode, 'NO_CLIENT_CERTIFICATE');
  });

  test('self-signed WITHOUT CRL checking reports DEPTH_ZERO_SELF_SIGNED_CERT (why the CRL changes the code)', async () => {
    const v = pki.variants['self-signed'];
    const { crl: _crl, ...noCrl } = mockServerTlsOptions(pki);
    const o = await probe({ cert: v.fullchainPem, key: v.keyPem }, noCrl);
    assert.equal(o.kind === 'secureConnection' && o.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  test('the concatenated crlPem string is NOT enough for Node (only the first CRL is read)', async () => {
    const v = pki.variants['valid-pub-ca1'];
    const o = await probe({ cert: v.fullchainPem, key: v.keyPem }, { ...mockServerTlsOptions(pki), crl: pki.crlPem });
    assert.equal(o.kind === 'secureConnection' && o.code, 'UNABLE_TO_GET_CRL');
  });

  test('with rejectUnauthorized: true the reason is lost: the server only sees ECONNRESET', async () => {
    const v = pki.variants.expired;
    const o = await probe({ cert: v.fullchainPem, key: v.keyPem }, { ...mockServerTlsOptions(pki), rejectUnauthorized: true });
    assert.deepEqual(o, { kind: 'tlsClientError', code: 'ECONNRESET', message: 'socket hang up' });
    const none = await probe({}, { ...mockServerTlsOptions(pki), rejectUnauthorized: true });
    assert.equal(none.kind === 'tlsClientError' && none.code, 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE');
  });

  test('checkClientPurpose agrees with OpenSSL on EKU', () => {
    assert.deepEqual(checkClientPurpose(pki.variants['valid-pub-ca1'].certPem), { ok: true });
    const r = checkClientPurpose(pki.variants['server-auth-only'].certPem);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.reason, /^INVALID_PURPOSE/);
  });
});

describe('server certificate', () => {
  test('subject, SAN and EKU', () => {
    const s = x(pki.server.certPem);
    assert.equal(pki.server.subjectCN, 'onboarding-mock');
    assert.equal(s.subjectAltName, 'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    assert.deepEqual(parseCertificate(pki.server.certPem).ekus, ['serverAuth']);
    assert.ok(s.checkIssued(x(pki.serverCa.certPem)) && s.verify(x(pki.serverCa.certPem).publicKey));
  });

  test('accepted by a client that trusts serverCa, for 127.0.0.1 and localhost; rejected without it', async () => {
    const server = tls.createServer({ key: pki.server.keyPem, cert: pki.server.fullchainPem });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const connect = (opts: tls.ConnectionOptions) =>
      new Promise<{ authorized: boolean; error: string | null }>((resolve) => {
        const c = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ...opts }, () => {
          resolve({ authorized: c.authorized, error: c.authorizationError ? String(c.authorizationError) : null });
          c.destroy();
        });
        c.on('error', (e: Error) => resolve({ authorized: false, error: e.message }));
      });
    try {
      assert.deepEqual(await connect({ ca: pki.serverCa.certPem }), { authorized: true, error: null });
      assert.deepEqual(await connect({ ca: pki.serverCa.certPem, servername: 'localhost' }), { authorized: true, error: null });
      assert.deepEqual(await connect({ ca: pki.serverCa.certPem, servername: 'example.com' }), { authorized: false, error: 'ERR_TLS_CERT_ALTNAME_INVALID' });
      assert.deepEqual(await connect({}), { authorized: false, error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('run-time issuance', () => {
  test('issueClientCertificate defaults: S47nnnnnP, 2048, clientAuth, 1 year, 5 min backdated, chain + root', async () => {
    const started = Date.now();
    const c = await issueClientCertificate({ chain: 'pub-ca8', pki });
    const p = parseCertificate(c.certPem);
    assert.match(c.subjectCN, /^S47\d{5}P$/);
    assert.equal(p.keyBits, 2048);
    assert.deepEqual(p.ekus, ['clientAuth']);
    assert.deepEqual(p.keyUsage, ['digitalSignature', 'keyEncipherment']);
    assert.ok(Math.abs(c.notBefore.getTime() - (started - 5 * 60_000)) < 5000);
    assert.ok(Math.abs(c.notAfter.getTime() - (started + 365 * 86_400_000)) < 5000);
    assert.deepEqual(c.chainPem, [pki.chains['pub-ca8'].issuer.certPem]);
    assert.equal(c.rootPem, pki.chains['pub-ca8'].root.certPem);
    assert.equal(c.fingerprint256, x(c.certPem).fingerprint256);
    assert.ok(c.keyPem);
    assertOutcome('dynamic pub-ca8', await probe({ cert: [c.certPem, ...c.chainPem].join(''), key: c.keyPem }), { authorized: true });

    // Revoking it at run time: a fresh CRL set with its serial.
    const crl = await buildTrustedCrls(pki, { 'pub-ca8': [c.serialHex] });
    const revokedOutcome = await probe({ cert: [c.certPem, ...c.chainPem].join(''), key: c.keyPem }, { ...mockServerTlsOptions(pki), crl });
    assertOutcome('dynamic revoked', revokedOutcome, EXPECTED.revoked);
  });

  test('rsa-ca16 issuance has no intermediate; options are honoured', async () => {
    const notBefore = new Date(Date.now() - 86_400_000);
    const notAfter = new Date(Date.now() + 10 * 86_400_000);
    const c = await issueClientCertificate({ chain: 'rsa-ca16', pki, commonName: 'S4700001P', serial: '0a:bc:de', notBefore, notAfter, eku: ['clientAuth', 'serverAuth'] });
    assert.deepEqual(c.chainPem, []);
    assert.equal(c.subjectCN, 'S4700001P');
    assert.equal(c.serialHex, '0ABCDE');
    assert.equal(c.notBefore.getTime(), Math.floor(notBefore.getTime() / 1000) * 1000);
    assert.equal(c.notAfter.getTime(), Math.floor(notAfter.getTime() / 1000) * 1000);
    assert.deepEqual(parseCertificate(c.certPem).ekus, ['clientAuth', 'serverAuth']);
    assertOutcome('dynamic rsa-ca16', await probe({ cert: c.certPem, key: c.keyPem }), { authorized: true });
  });

  test('from a CSR: signature verified, public key used, CN decided by the CA', async () => {
    const keys = await generateRsaKeyPair(2048);
    const csr = forge.pki.createCertificationRequest();
    csr.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
    csr.setSubject([{ shortName: 'CN', value: 'attacker-chosen' }]);
    csr.sign(forge.pki.privateKeyFromPem(keys.privateKeyPem), forge.md.sha256.create());
    const csrPem = forge.pki.certificationRequestToPem(csr);

    const c = await issueClientCertificate({ chain: 'pub-ca1', pki, csrPem, commonName: 'S4712345P' });
    assert.equal(c.keyPem, undefined);
    assert.equal(c.subjectCN, 'S4712345P');
    assert.ok(x(c.certPem).publicKey.equals(createPublicKey(keys.publicKeyPem)));
    assertOutcome('CSR-issued', await probe({ cert: [c.certPem, ...c.chainPem].join(''), key: keys.privateKeyPem }), { authorized: true });

    // Tampered CSR (subject changed after signing) is refused.
    const tampered = forge.pki.certificationRequestFromPem(csrPem);
    tampered.subject.attributes[0].value = 'tampered!!!!!!!';
    (tampered as unknown as { certificationRequestInfo: null }).certificationRequestInfo = null;
    await assert.rejects(issueClientCertificate({ chain: 'pub-ca1', pki, csrPem: forge.pki.certificationRequestToPem(tampered) }), /CSR signature verification failed/);
  });

  test('from a bare public key; 1024-bit option; default CN generator', async () => {
    const keys = await generateRsaKeyPair(2048);
    const c = await issueClientCertificate({ chain: 'pub-ca1', pki, publicKeyPem: keys.publicKeyPem });
    assert.equal(c.keyPem, undefined);
    assert.ok(x(c.certPem).publicKey.equals(createPublicKey(keys.publicKeyPem)));
    const small = await issueClientCertificate({ chain: 'pub-ca1', pki, keyBits: 1024 });
    assert.equal(small.keyBits, 1024);
    for (let i = 0; i < 20; i++) assert.match(makeLoginCommonName(), /^S47\d{5}P$/);
  });
});

describe('signing certificates', () => {
  test('signing variant has the exact SECOM Passport for PublicID subject', () => {
    const v = pki.variants.signing;
    assert.equal(x(v.certPem).subject, 'C=JP\nO=SECOM Trust Systems CO. LTD.\nOU=Denshi Syoko Service4\nOU=TJK\nCN=Kenpo Taro');
    const p = parseCertificate(v.certPem);
    assert.deepEqual(p.subject, { C: 'JP', O: 'SECOM Trust Systems CO. LTD.', OU: ['Denshi Syoko Service4', 'TJK'], CN: 'Kenpo Taro' });
    assert.equal(p.issuerCN, 'SECOM Passport for PublicID TEST');
    assert.deepEqual(p.keyUsage, ['digitalSignature', 'nonRepudiation']);
    assert.deepEqual(p.ekus, ['emailProtection']);
    // CN/OU/O are UTF8String; C stays PrintableString.
    const tags = forge.pki.certificateFromPem(v.certPem).subject.attributes.map((a) => `${a.shortName}:${String(a.valueTagClass)}`);
    assert.deepEqual(tags, [`C:${forge.asn1.Type.PRINTABLESTRING}`, `O:${forge.asn1.Type.UTF8}`, `OU:${forge.asn1.Type.UTF8}`, `OU:${forge.asn1.Type.UTF8}`, `CN:${forge.asn1.Type.UTF8}`]);
  });

  test('Japanese CN/OU round-trip through PKCS#12 (OpenSSL and forge)', async () => {
    const c = await issueSigningCertificate({ romajiName: '健保 太郎', companyRomaji: 'TJK株式会社', pki });
    assert.match(c.display.serialHex, /^[0-9A-F]+$/);
    assert.equal(c.display.serialHex, c.serialHex);
    assert.match(c.display.notAfterDateJst, /^\d{4}\/\d{2}\/\d{2}$/);
    assert.match(c.display.notAfterJst, /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);

    const p12 = toPkcs12(c, 'jp-test', '健保 太郎');
    assert.doesNotThrow(() => tls.createSecureContext({ pfx: p12, passphrase: 'jp-test' }), 'OpenSSL verifies the MAC and decrypts the key');
    const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), 'jp-test');
    const bag = (pfx.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])[0];
    assert.deepEqual((bag?.attributes as Record<string, string[]> | undefined)?.friendlyName, ['健保 太郎']);
    const certPem = forge.pki.certificateToPem(bag?.cert as forge.pki.Certificate);
    const parsed = parseCertificate(certPem);
    assert.equal(parsed.subject.CN, '健保 太郎');
    assert.deepEqual(parsed.subject.OU, ['Denshi Syoko Service4', 'TJK株式会社']);
    assert.equal(x(certPem).subject, 'C=JP\nO=SECOM Trust Systems CO. LTD.\nOU=Denshi Syoko Service4\nOU=TJK株式会社\nCN=健保 太郎');
    assert.equal(x(certPem).fingerprint256, c.fingerprint256, 'certificate bytes unchanged by the PKCS#12 round trip');
  });
});

describe('store (cache)', () => {
  const dir = path.join(tmpRoot, 'store');
  const manifestPath = path.join(dir, 'manifest.json');
  const editManifest = (edit: (m: Record<string, unknown>) => void) => {
    const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    edit(m);
    fs.writeFileSync(manifestPath, JSON.stringify(m));
  };

  test('missing cache: loadPkiSync tells to run npm run certs', () => {
    assert.throws(() => loadPkiSync({ dir }), /not usable \(missing\).*npm run certs/);
  });

  test('concurrent builders in two processes end with one identical PKI and no temp dirs', async () => {
    const code = `require(${JSON.stringify(path.join(REPO_ROOT, 'certs/store.ts'))}).loadPki({ dir: ${JSON.stringify(dir)} }).then((p) => console.log(p.fingerprint))`;
    const run = () => execFileAsync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: REPO_ROOT });
    const [a, b] = await Promise.all([run(), run()]);
    assert.equal(a.stdout.trim(), b.stdout.trim());
    assert.match(a.stdout.trim(), /^[0-9A-F]{16}$/);
    assert.equal(loadPkiSync({ dir }).fingerprint, a.stdout.trim());
    const leftovers = fs.readdirSync(tmpRoot).filter((f) => f.startsWith('store.'));
    assert.deepEqual(leftovers, []);
  });

  test('valid cache is reused (no log, same keys)', async () => {
    const first = loadPkiSync({ dir });
    const lines: string[] = [];
    const again = await loadPki({ dir, log: (l) => lines.push(l) });
    assert.deepEqual(lines, []);
    assert.equal(again.fingerprint, first.fingerprint);
    assert.equal(again.variants['valid-pub-ca1'].keyPem, first.variants['valid-pub-ca1'].keyPem);
  });

  test('definition hash change → loadPkiSync refuses, loadPki regenerates', async () => {
    const before = loadPkiSync({ dir }).fingerprint;
    editManifest((m) => {
      m.definitionHash = 'an-older-definition';
    });
    assert.throws(() => loadPkiSync({ dir }), /definition changed.*npm run certs/);
    const lines: string[] = [];
    const rebuilt = await loadPki({ dir, log: (l) => lines.push(l) });
    assert.notEqual(rebuilt.fingerprint, before);
    assert.match(lines.join('\n'), /definition changed/);
    assert.equal(loadPkiSync({ dir }).fingerprint, rebuilt.fingerprint);
  });

  test('cache older than 7 days → regenerated; expiring within 14 days → refused (same rule)', async () => {
    const fp0 = loadPkiSync({ dir }).fingerprint;
    editManifest((m) => {
      m.createdAt = new Date(Date.now() - 8 * 86_400_000).toISOString();
    });
    assert.throws(() => loadPkiSync({ dir }), /older than 7 days/);
    const fp1 = (await loadPki({ dir })).fingerprint;
    assert.notEqual(fp1, fp0);
    // loadPki() applies the same cacheStatus() rule, so a refusal here means a rebuild there.
    editManifest((m) => {
      m.expiresAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    });
    assert.throws(() => loadPkiSync({ dir }), /expires within 14 days/);
  });
});
