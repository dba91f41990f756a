/**
 * Secret redaction (reporters/redaction.ts, reporters/redact.ts, fixtures/secret-log.ts,
 * evidence/dynamic.ts): the scrubber removes a secret in every form a run writes it, from
 * text, bytes and trace archives (including the DOM snapshot's password values); the
 * scanner finds a planted secret in each of those places, so a clean scan means something;
 * the reporter scrubs what the other reporters receive; the worker side records values
 * only where the reporter asked.
 *
 * Run: node --import tsx --test tests/unit/redaction.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import AdmZip from 'adm-zip';
import type { TestCase, TestResult, TestStep } from '@playwright/test/reporter';
import { MASK, Secret } from '../../fixtures/secret';
import { installSecretLog, SECRETS_FILE_ENV } from '../../fixtures/secret-log';
import { findSecrets, formsOf, readSecretsFile, Redactor } from '../../reporters/redaction';
import RedactReporter from '../../reporters/redact';
import { redactMailText } from '../../evidence/dynamic';

const SECRET = 'Pa ss&w"rd<9>';
const OTHER = 'G7JgCa4BZR';

function traceZip(): Buffer {
  const zip = new AdmZip();
  const action = { method: 'fill', params: { selector: 'internal:label="パスワード"i', value: SECRET } };
  const snapshot = { html: ['INPUT', { __playwright_value_: 'typed-but-unknown', id: 'password', type: 'password' }] };
  zip.addFile('0-trace.trace', Buffer.from(`${JSON.stringify(action)}\n${JSON.stringify(snapshot)}\n`));
  zip.addFile('0-trace.network', Buffer.from(JSON.stringify({ postData: { params: [{ name: 'password', value: OTHER }] } })));
  zip.addFile('resources/body.dat', Buffer.from(`userId=1&password=${encodeURIComponent(SECRET)}`));
  return zip.toBuffer();
}

describe('Redactor', () => {
  const r = new Redactor([SECRET, OTHER, 'abc']);

  test('text: every form (raw, URL, form, JSON, HTML, base64) becomes the mask', () => {
    for (const form of formsOf(SECRET)) assert.equal(r.text(`x${form}y`), `x${MASK}y`, form);
    assert.equal(r.text(`Fill "${OTHER}"`), `Fill "${MASK}"`);
  });

  test('values shorter than 4 characters are not secrets (they would match by chance)', () => {
    assert.equal(r.text('abc'), 'abc');
  });

  test('bad-input probes longer than any secret field are not secrets', () => {
    const probe = 'a'.repeat(10_000);
    assert.equal(new Redactor([probe]).size, 0);
    assert.deepEqual(findSecrets(Buffer.from(`${probe}@example.jp`), [probe], { file: 'x' }), []);
  });

  test('a short numeric value (OTP, PIN) is a secret only as a whole token', () => {
    const otp = new Redactor(['482913']);
    assert.equal(otp.text('ワンタイムパスワード：482913'), `ワンタイムパスワード：${MASK}`);
    assert.equal(otp.text('Fill "482913"'), `Fill "${MASK}"`);
    assert.equal(otp.text('otp=482913&next=1'), `otp=${MASK}&next=1`);
    // A timestamp or a sha1 resource name that happens to contain it stays intact.
    assert.equal(otp.text('"wallTime":1795253482913'), '"wallTime":1795253482913');
    assert.equal(otp.text('resources/a9f482913c0d.dat'), 'resources/a9f482913c0d.dat');
    assert.deepEqual(findSecrets(Buffer.from('resources/a9f482913c0d.dat'), ['482913'], { file: 'x' }), []);
    // A mixed password is found anywhere, even glued to more characters (a derived wrong password).
    assert.equal(r.text(`Fill "${OTHER}x"`), `Fill "${MASK}x"`);
  });

  test('bytes: unchanged data gives undefined, changed data has no trace of the value', () => {
    assert.equal(r.bytes(Buffer.from('nothing here')), undefined);
    const out = r.bytes(Buffer.from(`{"value":${JSON.stringify(SECRET)}}`))!;
    assert.equal(findSecrets(out, [SECRET], { file: 'x' }).length, 0);
  });

  test('zip: every entry scrubbed, password inputs of DOM snapshots blanked, still a valid zip', () => {
    const out = r.zip(traceZip())!;
    assert.deepEqual(findSecrets(out, [SECRET, OTHER, 'typed-but-unknown'], { file: 'trace.zip' }), []);
    const entries = new AdmZip(out).getEntries().map((e) => e.entryName).sort();
    assert.deepEqual(entries, ['0-trace.network', '0-trace.trace', 'resources/body.dat']);
    const trace = new AdmZip(out).readAsText('0-trace.trace');
    assert.match(trace, /"__playwright_value_":"\*{8}"/);
    for (const line of trace.split('\n').filter(Boolean)) JSON.parse(line); // still JSON lines
  });
});

describe('findSecrets (the scan)', () => {
  test('finds a planted secret in text, in a zip entry, and in a zip embedded as base64 in HTML', () => {
    const zip = traceZip();
    const html = Buffer.from(`<script>window.playwrightReportBase64 = "data:application/zip;base64,${zip.toString('base64')}";</script>`);
    const inText = findSecrets(Buffer.from(`log: ${encodeURIComponent(SECRET)}`), [SECRET], { file: 'a.log' });
    assert.deepEqual(inText.map((f) => f.form), ['url']);
    assert.ok(findSecrets(zip, [SECRET], { file: 't.zip' }).some((f) => f.entry === '0-trace.trace' && f.form === 'json'));
    assert.ok(findSecrets(html, [OTHER], { file: 'index.html' }).some((f) => f.entry === '<embedded zip>!/0-trace.network'));
  });

  test('a finding names the secret by number, never by value', () => {
    const [f] = findSecrets(Buffer.from(OTHER), ['zzzz', OTHER], { file: 'f' });
    assert.equal(f.secretIndex, 1);
    assert.ok(!JSON.stringify(f).includes(OTHER));
  });
});

describe('RedactReporter', () => {
  test('scrubs step titles and params, errors, stdout and trace attachments in place', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redact-test-'));
    const secretsFile = path.join(dir, 'values.jsonl');
    fs.writeFileSync(secretsFile, `${JSON.stringify(OTHER)}\n`);
    const before = process.env[SECRETS_FILE_ENV];
    process.env[SECRETS_FILE_ENV] = secretsFile;
    try {
      const reporter = new RedactReporter();
      const step = { title: `Fill "${OTHER}"`, titlePath: () => [`Fill "${OTHER}"`], params: { value: OTHER }, steps: [] } as unknown as TestStep;
      reporter.onStepBegin({} as TestCase, {} as TestResult, step);
      assert.equal(step.title, `Fill "${MASK}"`);
      assert.deepEqual(step.titlePath(), [`Fill "${MASK}"`]);
      assert.deepEqual((step as unknown as { params: unknown }).params, { value: MASK });

      const tracePath = path.join(dir, 'trace.zip');
      fs.writeFileSync(tracePath, traceZip());
      const result = {
        errors: [{ message: `expected ${OTHER}` }],
        error: { message: `expected ${OTHER}` },
        stdout: [`printed ${OTHER}`],
        stderr: [],
        attachments: [
          { name: 'trace', path: tracePath, contentType: 'application/zip' },
          { name: 'note', body: Buffer.from(`body ${OTHER}`), contentType: 'text/plain' },
        ],
      } as unknown as TestResult;
      reporter.onTestEnd({} as TestCase, result);
      assert.equal(JSON.stringify(result).includes(OTHER), false);
      assert.deepEqual(findSecrets(fs.readFileSync(tracePath), [OTHER], { file: 'trace.zip' }), []);
    } finally {
      if (before === undefined) delete process.env[SECRETS_FILE_ENV];
      else process.env[SECRETS_FILE_ENV] = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a reporter that created its own secrets file deletes it at the end', async () => {
    const before = process.env[SECRETS_FILE_ENV];
    delete process.env[SECRETS_FILE_ENV];
    try {
      const reporter = new RedactReporter();
      const file = process.env[SECRETS_FILE_ENV]!;
      assert.ok(fs.existsSync(file));
      assert.ok(!file.includes(`${path.sep}reports${path.sep}`), 'outside reports/');
      assert.equal(fs.statSync(file).mode & 0o077, 0, 'only the owner can read it');
      await reporter.onExit();
      assert.equal(fs.existsSync(file), false);
    } finally {
      if (before === undefined) delete process.env[SECRETS_FILE_ENV];
      else process.env[SECRETS_FILE_ENV] = before;
    }
  });
});

describe('secret log (worker side)', () => {
  test('a revealed Secret is recorded once, only when the run asked for it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-log-test-'));
    const file = path.join(dir, 'values.jsonl');
    const before = process.env[SECRETS_FILE_ENV];
    try {
      installSecretLog();
      delete process.env[SECRETS_FILE_ENV];
      new Secret('not-recorded-1').reveal();
      assert.equal(fs.existsSync(file), false);
      process.env[SECRETS_FILE_ENV] = file;
      const s = new Secret('recorded-value-2');
      assert.equal(s.reveal(), 'recorded-value-2');
      s.reveal();
      assert.deepEqual(readSecretsFile(file), ['recorded-value-2']);
      assert.equal(String(s), MASK);
    } finally {
      if (before === undefined) delete process.env[SECRETS_FILE_ENV];
      else process.env[SECRETS_FILE_ENV] = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mail redaction (evidence)', () => {
  test('secret lines are masked whatever the value; "in the other mail" lines are kept', () => {
    const mail = [
      'ユーザID：123456',
      '認証情報パスワード：別のメールで記載いたしました。',
      '認証情報パスワード：Xy7Qw9Zk',
      'サインアップ・ログインパスワード : p@ss word',
      'ワンタイムパスワード：482913',
      'ログインパスワード : 管理者にお問い合わせ下さい。',
    ].join('\n');
    const out = redactMailText(mail);
    assert.ok(!/Xy7Qw9Zk|p@ss word|482913/.test(out), out);
    assert.match(out, /認証情報パスワード：別のメールで記載いたしました。/);
    assert.match(out, /ログインパスワード : 管理者にお問い合わせ下さい。/);
    assert.match(out, new RegExp(`ワンタイムパスワード：${MASK.replace(/\*/g, '\\*')}`));
  });
});
