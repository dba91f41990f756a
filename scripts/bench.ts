/**
 * `npm run bench`: what the suite's parts cost, as ratios against a bare baseline measured
 * on the same machine in the same run (absolute times vary between machines; ratios much
 * less). Not a test: it prints a table and writes reports/bench.json.
 *
 * - mTLS request: the mock's login page vs a bare Node HTTPS server with the same TLS options
 *   (new connection per request, as a browser's first visit).
 * - mail round trip: provision (two SMTP mails) + long-poll read of both vs a bare pooled
 *   SMTP send of two mails + read of both (the loopback floor; aim: within 5×).
 * - PKI: building the whole test PKI vs generating the same number of bare RSA-2048 keys.
 * - the mock under load (scripts/bench/load.ts; BENCH_LOAD=0 skips it): autocannon, mTLS page
 *   loads and login POSTs, mock vs a bare HTTPS server; errors, leaked sockets, memory.
 * - the suite itself, run by Playwright with one thing changed at a time (scripts/bench-suite.ts;
 *   BENCH_SUITE=0 skips it).
 * BENCH_MICRO=0 skips the first three. /tmp/pw.lock is taken three times (micro + load, the
 * plain suite runs, the evidence suite runs) and released in between (scripts/bench/lock.ts).
 * reports/bench.json keeps the keys of parts not run this time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { loadConfig } from '../config/env';
import { loadPki, type Pki } from '../certs/store';
import { buildMailbox } from '../mailbox/server';
import { Mailbox } from '../fixtures/mailbox';
import { buildMock, closeMock, listenMock } from '../mock/build';
import { httpsOptions } from '../mock/tls';
import { mail as m } from '../messages';
import { benchSuite, formatReporters, formatSplit, type SuiteBench } from './bench-suite';
import { benchLoad, formatLoad, type LoadBench } from './bench/load';
import { withLock } from './bench/lock';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

async function time(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  await fn(-1); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  return Number(process.hrtime.bigint() - start) / 1e6 / n;
}

function get(url: string, pki: Pki): Promise<number> {
  const v = pki.variants['valid-pub-ca8'];
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca: pki.serverCa.certPem, cert: v.fullchainPem, key: v.keyPem, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

type Row = { what: string; baselineMs: number; suiteMs: number; ratio: number };

async function micro(config: ReturnType<typeof loadConfig>): Promise<Row[]> {
  const pki = await loadPki({ dir: config.pkiDir });
  const box = buildMailbox({ host: '127.0.0.1', smtpPort: config.mock.ports.smtp, apiPort: config.mock.ports.mailbox });
  await box.listen();
  const mock = buildMock({ pki, urls: config.urls, smtp: { host: '127.0.0.1', port: config.mock.ports.smtp } });
  await listenMock(mock, config.urls.admin!);
  const bare = https.createServer(httpsOptions(pki, 'required'), (_req, res) => res.end('ok'));
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const barePort = (bare.address() as { port: number }).port;

  const rows: Row[] = [];
  const add = (what: string, baselineMs: number, suiteMs: number) => rows.push({ what, baselineMs, suiteMs, ratio: suiteMs / baselineMs });

  add(
    'mTLS page load (new connection)',
    await time(ROUNDS, () => get(`https://127.0.0.1:${barePort}/`, pki)),
    await time(ROUNDS, () => get(`${config.urls.ds}/ebunsho/UrlExclusive.do`, pki)),
  );

  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: config.mock.ports.smtp, secure: false, ignoreTLS: true, pool: true });
  const reader = new Mailbox(config.urls.mailbox, 10_000);
  add(
    'mail: provision + read both mails',
    await time(ROUNDS / 4, async (i) => {
      const to = `bare${i}-${crypto.randomUUID()}@bench.test`;
      await transport.sendMail({ from: 'a@bench.test', to, subject: 'x', text: 'x' });
      await transport.sendMail({ from: 'a@bench.test', to, subject: 'y', text: 'y' });
      await reader.waitFor(to, 'x');
      await reader.waitFor(to, 'y');
    }),
    await time(ROUNDS / 4, async () => {
      const res = await mock.admin.inject({ method: 'POST', url: '/users', payload: {} });
      const { email } = res.json<{ email: string }>();
      await reader.waitFor(email, m.registrationSubject);
      await reader.waitFor(email, m.passwordSubject);
    }),
  );
  transport.close();
  // What every mail cost before the mock's mailer pooled its connection (issue 11).
  const fresh = nodemailer.createTransport({ host: '127.0.0.1', port: config.mock.ports.smtp, secure: false, ignoreTLS: true });
  const pooled = nodemailer.createTransport({ host: '127.0.0.1', port: config.mock.ports.smtp, secure: false, ignoreTLS: true, pool: true });
  const sendRead = (t: typeof fresh) => async (i: number) => {
    const to = `f${i}-${crypto.randomUUID()}@bench.test`;
    await t.sendMail({ from: 'a@bench.test', to, subject: 'x', text: 'x' });
    await reader.waitFor(to, 'x');
  };
  add('one mail: new SMTP connection vs pooled', await time(ROUNDS / 4, sendRead(pooled)), await time(ROUNDS / 4, sendRead(fresh)));
  fresh.close();
  pooled.close();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pki-'));
  const keys = Object.keys(pki.cas).length + Object.keys(pki.variants).length + 1;
  const pkiMs = await time(1, () => loadPki({ dir: tmp, force: true }));
  const keysMs = await time(1, () => {
    for (let k = 0; k < keys; k++) crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    return Promise.resolve();
  });
  add(`PKI build (${keys} keys) vs bare keygen`, keysMs, pkiMs);
  fs.rmSync(tmp, { recursive: true, force: true });

  await closeMock(mock);
  await box.close();
  bare.close();
  return rows;
}

/** Merges `part` into reports/bench.json: parts not run this time keep their values from the last bench that ran them. */
function save(reportsDir: string, part: Record<string, unknown>) {
  fs.mkdirSync(reportsDir, { recursive: true });
  const file = path.join(reportsDir, 'bench.json');
  const before = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const now = { at: new Date().toISOString(), cores: os.cpus().length, loadAverage: os.loadavg(), ...part };
  fs.writeFileSync(file, JSON.stringify({ ...before, ...now }, null, 2));
}

async function main() {
  const basePort = Number(process.env.BENCH_BASE_PORT ?? 27400);
  const config = loadConfig({ ...process.env, MOCK_BASE_PORT: String(basePort) });
  // Saved after each part, so a part that fails later loses nothing measured before it.
  // The micro benchmarks and the load run share one hold of the lock (about 3 minutes).
  const { rows, load } = await withLock('micro benchmarks and load', async () => {
    const rows = process.env.BENCH_MICRO === '0' ? undefined : await micro(config);
    if (rows) save(config.reportsDir, { rows });
    // The load run's mock and mailbox listen at BENCH_LOAD_BASE_PORT (default BENCH_BASE_PORT + 50) + 0..26.
    const load: LoadBench | undefined = process.env.BENCH_LOAD === '0' ? undefined : await benchLoad(Number(process.env.BENCH_LOAD_BASE_PORT ?? basePort + 50));
    if (load) save(config.reportsDir, { load });
    return { rows, load };
  });
  let suite: SuiteBench | undefined;
  if (process.env.BENCH_SUITE !== '0') suite = await benchSuite(basePort, config.reportsDir);
  if (suite) save(config.reportsDir, { suite });

  console.log(`\nbenchmark on ${os.cpus().length} cores (load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}), ${ROUNDS} rounds`);
  const line = (r: { what: string; baselineMs: number; suiteMs: number; ratio: number; aim?: string }) =>
    console.log(`${r.what.padEnd(44)} baseline ${r.baselineMs.toFixed(1).padStart(8)} ms   suite ${r.suiteMs.toFixed(1).padStart(8)} ms   ratio ${r.ratio.toFixed(2)}${r.aim ? `  (aim ${r.aim})` : ''}`);
  rows?.forEach(line);
  if (load) formatLoad(load).forEach((l) => console.log(l));
  if (suite) {
    suite.ratios.forEach(line);
    formatReporters(suite.reporterMs).forEach((l) => console.log(l));
    const p = suite.evidencePictures;
    if (p) console.log(`evidence pictures, full chromium vs shell: ${p.identical}/${p.total} pixel-identical, ${p.withinThreshold} within threshold, ${p.different} different, ${p.missing} missing`);
    for (const l of [...formatSplit('bench specs', suite.split.bench), ...formatSplit('last main run', suite.split.suite)]) console.log(l);
  }
  if (load && !load.ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
