/**
 * The suite's certificate-path check (fixtures/certificate-path.ts) in both directions: good
 * paths of both documented shapes pass, and each broken link is caught with a message that
 * names the link and the property. The certificates are made here with the PKI's own forge
 * building blocks (certs/), the bad ones with exactly one thing wrong. No ports, no cache.
 *
 * Run: node --import tsx --test tests/unit/certificate-path.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type CaMaterial, createCa, leafChainOf } from '../../certs/ca-certificate';
import { daysFrom, minutesFrom } from '../../certs/dates';
import { TLS_KEY_USAGE } from '../../certs/extensions';
import { forgePublicKey, generateRsaKeyPair } from '../../certs/keys';
import { issueLeaf } from '../../certs/leaf-certificate';
import { issueLoginLeaf } from '../../certs/leaf-profiles';
import { loginSubject, toForgeName } from '../../certs/names';
import { randomSerialHex } from '../../certs/serials';
import { signCertificate } from '../../certs/signer';
import { CertificatePathError, verifyPath } from '../../fixtures/certificate-path';

const dn = (cn: string) => [{ type: 'C' as const, value: 'JP' }, { type: 'O' as const, value: 'Path Test' }, { type: 'CN' as const, value: cn }];
const NOW = new Date();

let root: CaMaterial;
let intermediate: CaMaterial;
let otherRoot: CaMaterial;

before(async () => {
  root = await createCa({ subject: dn('Test Root'), keyBits: 2048, validityDays: 3650, backdateDays: 1, now: NOW });
  [intermediate, otherRoot] = await Promise.all([
    createCa({ subject: dn('Test Intermediate'), keyBits: 2048, validityDays: 1825, pathLen: 0, backdateDays: 1, issuer: root, now: NOW }),
    createCa({ subject: dn('Other Root'), keyBits: 2048, validityDays: 3650, backdateDays: 1, now: NOW }),
  ]);
});

/** Expects a CertificatePathError whose message has every `parts` on one of its lines. */
async function expectCaught(check: Promise<unknown>, ...parts: (string | RegExp)[]): Promise<string> {
  const error = await check.then(
    () => assert.fail('the path check passed, a failure was expected'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof CertificatePathError, `a CertificatePathError, got ${String(error)}`);
  const line = error.problems.find((p) => parts.every((part) => (typeof part === 'string' ? p.includes(part) : part.test(p))));
  assert.ok(line, `a problem line with ${parts.join(' + ')}; got:\n${error.message}`);
  return line;
}

/** A CA certificate with a chosen key usage, signed by `issuer` (forge, as the PKI signs). */
async function caWithKeyUsage(cn: string, issuer: CaMaterial, keyUsage: Record<string, boolean>): Promise<CaMaterial> {
  const keys = await generateRsaKeyPair(2048);
  const certPem = signCertificate({
    subject: toForgeName(dn(cn)),
    publicKey: forgePublicKey(keys.publicKeyPem),
    issuerCertPem: issuer.certPem,
    signerKeyPem: issuer.keyPem,
    serialHex: randomSerialHex(),
    notBefore: daysFrom(NOW, -1),
    notAfter: daysFrom(NOW, 365),
    extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', critical: true, ...keyUsage }],
  });
  return { certPem, keyPem: keys.privateKeyPem, chainPem: leafChainOf(issuer), rootPem: issuer.rootPem };
}

describe('a good path passes', () => {
  test('leaf → intermediate → root (PUB CA8 shape): every link checked, CNs root last', async () => {
    const leaf = await issueLoginLeaf(intermediate, { commonName: 'S4700001P' }, NOW);
    assert.deepEqual(await verifyPath(leaf.certPem, leaf.chainPem, leaf.rootPem, { at: NOW }), ['S4700001P', 'Test Intermediate', 'Test Root']);
  });

  test('leaf → root (RSA CA16 shape), at a later time still inside every validity period', async () => {
    const leaf = await issueLoginLeaf(root, { commonName: 'S4700002P' }, NOW);
    assert.deepEqual(await verifyPath(leaf.certPem, [], root.certPem, { at: daysFrom(NOW, 300) }), ['S4700002P', 'Test Root']);
  });
});

describe('a broken link is caught and named', () => {
  test('expired intermediate', async () => {
    const expired = await createCa({ subject: dn('Expired Intermediate'), keyBits: 2048, validityDays: -1, backdateDays: 400, issuer: root, now: NOW });
    const leaf = await issueLoginLeaf(expired, {}, NOW);
    const line = await expectCaught(verifyPath(leaf.certPem, leaf.chainPem, root.certPem, { at: NOW }), 'link 2 (intermediate CA "Expired Intermediate")', 'expired: notAfter');
    assert.doesNotMatch(line, /leaf|root CA/);
  });

  test('the check time matters: the same good path fails once the mock clock is past the leaf’s notAfter', async () => {
    const leaf = await issueLoginLeaf(intermediate, { commonName: 'S4700003P' }, NOW);
    await expectCaught(verifyPath(leaf.certPem, leaf.chainPem, root.certPem, { at: daysFrom(NOW, 400) }), 'link 1 (leaf "S4700003P")', 'expired');
  });

  test('leaf signed by the wrong CA (a CA not on the trusted path)', async () => {
    const stranger = await issueLoginLeaf(otherRoot, { commonName: 'S4700004P' }, NOW);
    await expectCaught(
      verifyPath(stranger.certPem, intermediate.chainPem.concat(intermediate.certPem), root.certPem, { at: NOW }),
      'link 1 (leaf "S4700004P")',
      'no issuer among the given chain and the trusted root "Test Root"',
      'its issuer is "Other Root"',
    );
  });

  test('leaf whose chain leads to another root than the trusted one', async () => {
    const leaf = await issueLoginLeaf(intermediate, { commonName: 'S4700005P' }, NOW);
    await expectCaught(verifyPath(leaf.certPem, leaf.chainPem, otherRoot.certPem, { at: NOW }), 'link 2 (intermediate CA "Test Intermediate")', 'no issuer');
  });

  test('CA link without keyCertSign', async () => {
    const noCertSign = await caWithKeyUsage('No CertSign CA', root, { digitalSignature: true, cRLSign: true });
    const leaf = await issueLoginLeaf(noCertSign, {}, NOW);
    await expectCaught(verifyPath(leaf.certPem, leaf.chainPem, root.certPem, { at: NOW }), 'link 2 (intermediate CA "No CertSign CA")', 'keyUsage: keyCertSign missing');
  });

  test('CA link beyond its pathLen (a CA under the pathLen-0 intermediate)', async () => {
    const tooDeep = await createCa({ subject: dn('Too Deep CA'), keyBits: 2048, validityDays: 365, backdateDays: 1, issuer: intermediate, now: NOW });
    const leaf = await issueLoginLeaf(tooDeep, {}, NOW);
    await expectCaught(verifyPath(leaf.certPem, leaf.chainPem, root.certPem, { at: NOW }), 'link 3 (intermediate CA "Test Intermediate")', 'pathLen 0');
  });

  test('leaf without clientAuth (serverAuth only)', async () => {
    const leaf = await issueLoginLeaf(intermediate, { commonName: 'S4700006P', eku: ['serverAuth'] }, NOW);
    await expectCaught(verifyPath(leaf.certPem, leaf.chainPem, root.certPem, { at: NOW }), 'link 1 (leaf "S4700006P")', 'extKeyUsage: clientAuth missing', 'serverAuth');
  });

  test('leaf without digitalSignature (keyEncipherment only)', async () => {
    const leaf = await issueLeaf({
      subject: loginSubject('S4700007P'),
      issuer: intermediate,
      key: { kind: 'generate', bits: 2048 },
      notBefore: minutesFrom(NOW, -5),
      notAfter: daysFrom(NOW, 365),
      keyUsage: { keyEncipherment: true },
      eku: ['clientAuth'],
    });
    await expectCaught(verifyPath(leaf.certPem, leaf.chainPem, root.certPem, { at: NOW }), 'link 1 (leaf "S4700007P")', 'keyUsage: digitalSignature missing');
  });

  test('a CA certificate presented as the client certificate', async () => {
    await expectCaught(verifyPath(intermediate.certPem, [], root.certPem, { at: NOW }), 'link 1 (leaf "Test Intermediate")', 'basicConstraints: a CA certificate');
  });

  test('a self-signed leaf given as its own trusted root', async () => {
    const self = await issueLoginLeaf('self', { commonName: 'S4700009P' }, NOW);
    await expectCaught(verifyPath(self.certPem, [], self.certPem, { at: NOW }), 'link 1 (leaf "S4700009P")', 'the trusted root itself');
  });

  test('every problem is reported, not just the first', async () => {
    const leaf = await issueLeaf({
      subject: loginSubject('S4700008P'),
      issuer: intermediate,
      key: { kind: 'generate', bits: 2048 },
      notBefore: daysFrom(NOW, -10),
      notAfter: daysFrom(NOW, -1),
      keyUsage: TLS_KEY_USAGE,
      eku: ['emailProtection'],
    });
    const error = await verifyPath(leaf.certPem, leaf.chainPem, root.certPem, { at: NOW }).catch((e: unknown) => e);
    assert.ok(error instanceof CertificatePathError);
    assert.equal(error.problems.length, 2, error.message);
    assert.match(error.message, /link 1 \(leaf "S4700008P"\): expired[\s\S]*link 1 \(leaf "S4700008P"\): extKeyUsage: clientAuth missing/);
  });
});
