/**
 * The preflight (verify/preflight/) against the staging double (double/): every check passes
 * on a healthy deployment, and each deployment fault fails exactly its own checks with a
 * message that says what is wrong. Then the production host names: the preflight runs all
 * of its checks (it refuses nothing) and takes no state-changing action.
 *
 * Run: node --import tsx --test tests/integration/preflight.test.ts
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/env';
import { loadAccounts } from '../../fixtures/accounts';
import { startDouble, type RunningDouble } from '../../double/start';
import type { DeploymentFault } from '../../double/faults';
import { runPreflight, type PreflightRun } from '../../verify/preflight';
import { CHECK_PAGE_PATH, REPOSITORY_FILES } from '../../verify/preflight/documented';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-test-'));
// Fault doubles need one certificate account and nothing else: they start faster.
const smallSeed = path.join(work, 'seed.json');
fs.writeFileSync(smallSeed, JSON.stringify({ certificate: [{ tag: 'cert1', chain: 'pub-ca8' }] }));

async function preflightOf(double: RunningDouble, env: Record<string, string> = double.env): Promise<PreflightRun> {
  const config = loadConfig({ ...env });
  return runPreflight(config, loadAccounts(env.ACCOUNTS_FILE), { env });
}

const failing = (run: PreflightRun) => run.results.filter((r) => r.status === 'fail');
const byId = (run: PreflightRun, id: string) => {
  const r = run.results.find((x) => x.id === id);
  assert.ok(r, `no check ${id}`);
  return r;
};

let healthy: RunningDouble;
let healthyRun: PreflightRun;

before(async () => {
  healthy = await startDouble({ dir: path.join(work, 'healthy') });
});
after(async () => {
  await healthy?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('a healthy double passes every preflight check, none skipped', async () => {
  healthyRun = await preflightOf(healthy);
  assert.deepEqual(failing(healthyRun).map((r) => `${r.id}: ${r.detail}`), []);
  assert.deepEqual(healthyRun.results.filter((r) => r.status === 'skip').map((r) => r.id), []);
  // Every family ran: reachability, protocol versions, server certificate, mTLS, repository.
  for (const prefix of ['reach.', 'tls.', 'cert.', 'mtls.', 'repo.']) assert.ok(healthyRun.results.some((r) => r.id.startsWith(prefix)), prefix);
  assert.ok(healthyRun.results.length >= 60, `only ${healthyRun.results.length} checks`);
  console.log(`preflight on the healthy double: ${healthyRun.results.length} checks in ${healthyRun.ms} ms`);
});

test('the double delivers its mail into the real IMAP server: the fresh users\' registration mails wait there', async () => {
  const { ImapFlow } = await import('imapflow');
  const env = healthy.env;
  assert.equal(env.MAIL_SOURCE, 'imap', 'dovecot is installed by the setup script');
  const fresh = loadAccounts(env.ACCOUNTS_FILE).fresh;
  assert.ok(fresh.length >= 1);
  const client = new ImapFlow({ host: env.IMAP_HOST, port: Number(env.IMAP_PORT), secure: false, auth: { user: env.IMAP_USER, pass: env.IMAP_PASSWORD }, logger: false });
  await client.connect();
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      for (const account of fresh) {
        const uids = (await client.search({ to: account.email }, { uid: true })) || [];
        // ユーザー登録のご連絡 and パスワードのご連絡, addressed to the plus-address.
        assert.equal(uids.length, 2, `${account.email}: ${uids.length} mails`);
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
});

/** Each fault: the checks that must fail (exactly these) and what their message must say. */
const FAULT_CASES: Record<DeploymentFault, { fails: Record<string, RegExp>; skips?: Record<string, RegExp> }> = {
  tls10: {
    fails: {
      'tls.webra2.tls10-refused': /TLS 1\.0 accepted \(server answered a ServerHello TLSv1\b/,
      // The protocol floor is a range: enabling 1.0 enables 1.1 as well.
      'tls.webra2.tls11-refused': /TLS 1\.1 accepted/,
    },
  },
  'server-cert-expiring': {
    fails: Object.fromEntries(['webra2', 'webra1', 'ds', 'dsnc', 'bulksign'].map((h) => [`cert.${h}.expiry`, /expires in (9|10) days .*below the 30-day threshold/])),
  },
  'repo-missing-intermediate': {
    fails: { 'repo.PfM20PUBCA8.served': /GET \/spcpp\/pfm20pub\/ca8\/PfM20PUBCA8\.cer answered HTTP 404/ },
    // Without PUB CA8's certificate its root cannot be looked up: said, not guessed.
    skips: { 'mtls.webra1.acceptable-cas': /cannot tell for .*PUB CA8/, 'mtls.ds.acceptable-cas': /cannot tell for .*PUB CA8/ },
  },
  'stale-crl': {
    fails: { 'repo.PfM20PUBCA1.crl': /stale CRL at http:\/\/repo1\.double\.test:\d+\/SC-Root1\/SCRoot1CRL\.crl: nextUpdate .* is past/ },
  },
  'no-client-cert-request': {
    fails: {
      'mtls.ds.requests-certificate': /no client certificate requested/,
      'mtls.ds.acceptable-cas': /no CertificateRequest/,
      'mtls.ds.no-certificate-refused': /handshake completed without any client certificate/,
    },
  },
  'repo-down': {
    skips: { 'mtls.webra1.acceptable-cas': /repo1 did not serve/, 'mtls.ds.acceptable-cas': /repo1 did not serve/ },
    fails: {
      'reach.repo1': /TCP 127\.0\.0\.1:\d+: ECONNREFUSED/,
      ...Object.fromEntries(REPOSITORY_FILES.map((f) => [`repo.${f.path.split('/').pop()!.replace('.cer', '')}.served`, /repo1 unreachable/])),
    },
  },
};

for (const [fault, expected] of Object.entries(FAULT_CASES) as [DeploymentFault, (typeof FAULT_CASES)[DeploymentFault]][]) {
  test(`fault ${fault}: exactly its checks fail, saying why`, async () => {
    const double = await startDouble({ dir: path.join(work, fault), faults: [fault], seedFile: smallSeed, mail: 'catcher' });
    try {
      const run = await preflightOf(double);
      for (const [id, message] of Object.entries(expected.fails)) {
        const r = byId(run, id);
        assert.equal(r.status, 'fail', `${id} should fail: ${r.detail}`);
        assert.match(r.detail, message, id);
      }
      assert.deepEqual(failing(run).map((r) => r.id).sort(), Object.keys(expected.fails).sort(), 'no other check fails');
      for (const [id, message] of Object.entries(expected.skips ?? {})) assert.match(byId(run, id).detail, message, id);
      assert.deepEqual(run.results.filter((r) => r.status === 'skip').map((r) => r.id).sort(), Object.keys(expected.skips ?? {}).sort(), 'no other check skips');
    } finally {
      await double.stop();
    }
  });
}

test('production host names: every check runs, and only lookups, handshakes and GETs of documented paths are made', async () => {
  // The production names, pinned to the double so no packet leaves this machine. Nothing is
  // refused for being production; the hostname checks fail because the double's certificate
  // does not name them, which shows the names really were used.
  const prod: Record<string, string> = { webra2: 'webra2.secomtrust.net', webra1: 'webra1.secomtrust.net', repo1: 'repo1.secomtrust.net', ds: 'ds.e-kakushin.com', dsnc: 'ds-nc.e-kakushin.com', bulksign: 'bulksign.e-kakushin.com' };
  const env: Record<string, string> = { ...healthy.env, RESOLVE: `*.secomtrust.net=127.0.0.1,*.e-kakushin.com=127.0.0.1,${healthy.env.RESOLVE}` };
  for (const [key, host] of [['STAGING_WEBRA2_URL', prod.webra2], ['STAGING_WEBRA1_URL', prod.webra1], ['STAGING_REPO1_URL', prod.repo1], ['STAGING_DS_URL', prod.ds], ['STAGING_DSNC_URL', prod.dsnc], ['STAGING_BULKSIGN_URL', prod.bulksign]]) {
    const u = new URL(env[key]);
    u.hostname = host;
    env[key] = u.origin;
  }
  const run = await preflightOf(healthy, env);
  healthyRun ??= await preflightOf(healthy);
  assert.equal(run.results.length, healthyRun.results.length, 'the same checks ran as on the double');
  assert.deepEqual(run.results.filter((r) => r.status === 'skip').map((r) => r.id), []);
  const mismatches = [...['webra2', 'webra1', 'ds', 'dsnc', 'bulksign'].map((h) => `cert.${h}.hostname`), 'mtls.webra1.check-page'];
  assert.deepEqual(failing(run).map((r) => r.id).sort(), mismatches.sort());
  assert.match(byId(run, 'cert.webra2.hostname').detail, /hostname mismatch.*webra2\.secomtrust\.net/);
  assert.match(byId(run, 'mtls.webra1.check-page').detail, /webra1\.secomtrust\.net/);

  const kinds = new Set(run.actions.map((a) => a.kind));
  assert.deepEqual([...kinds].filter((k) => !['lookup', 'tcp', 'tls', 'GET', 'sslscan', 'openssl'].includes(k)), []);
  const allowed = new Set([CHECK_PAGE_PATH, ...REPOSITORY_FILES.map((f) => f.path), '/SC-Root1/SCRoot1CRL.crl', '/SC-Root2/SCRoot2CRL.crl']);
  for (const get of run.actions.filter((a) => a.kind === 'GET')) {
    const u = new URL(get.target);
    assert.equal(u.search, '', `no query: ${get.target}`);
    assert.ok(allowed.has(u.pathname), `GET of an undocumented path: ${get.target}`);
  }
});
