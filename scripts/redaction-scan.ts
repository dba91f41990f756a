/**
 * `npm run redaction-scan [-- <playwright args>]`: proves that no secret a run used leaks
 * into its outputs. It runs the specs with traces on and the evidence mode on (the most a
 * run ever writes), builds the Allure report, then searches the whole REPORTS_DIR tree —
 * every file, inside every zip (traces, the HTML report's embedded data) — for each secret
 * in every form it could be written in. The console output of the run is saved into the
 * tree first, so logs are searched too.
 *
 * The secrets come from the run itself (fixtures/secret-log.ts → a 0600 file in a fresh
 * temporary folder outside reports/); the file is deleted when the scan ends, and the
 * findings name a secret only by its number, never by its value.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config, ROOT } from '../config/env';
import { SECRETS_FILE_ENV } from '../fixtures/secret-log';
import { findSecrets, Needle, readSecretsFile, walk, type Finding } from '../reporters/redaction';
import { generateReport } from './report';

/** Source files of the project (not dependencies, outputs or the PKI cache). */
export function sourceText(): string {
  const skip = new Set(['node_modules', 'reports', '.git', 'out']);
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(e.name)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (/\.(ts|mjs|njk)$/.test(e.name)) files.push(p);
    }
  };
  visit(ROOT);
  return files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

/**
 * A value written in the source (a spec's deliberately wrong password, the test PKI's
 * fixed PKCS#12 password) is no secret of the run: Playwright's HTML report quotes source
 * lines around each step. Such values are still scrubbed by the reporter, but a finding
 * of one is reported apart and does not fail the scan.
 */
export function splitLiterals(secrets: readonly string[], source: string): { literal: Set<number> } {
  const text = Buffer.from(source);
  return { literal: new Set(secrets.flatMap((s, i) => (new Needle(s).indexes(text).length ? [i] : []))) };
}

export function scanTree(dir: string, secrets: readonly string[]): { files: number; findings: Finding[] } {
  const files = walk(dir);
  const findings = files.flatMap((file) => findSecrets(fs.readFileSync(file), secrets, { file: path.relative(ROOT, file) }));
  return { files: files.length, findings };
}

function runPlaywright(args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  return new Promise((resolve) => {
    const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
    const child = spawn(process.execPath, [cli, 'test', '--trace', 'on', '--retries=0', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const keep = (stream: NodeJS.WriteStream) => (c: Buffer) => {
      chunks.push(c);
      stream.write(c);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('close', (code) => {
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      fs.writeFileSync(logFile, Buffer.concat(chunks));
      resolve(code ?? 1);
    });
  });
}

async function main(args: string[]): Promise<number> {
  const secretsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-redaction-scan-'));
  const secretsFile = path.join(secretsDir, 'values.jsonl');
  fs.writeFileSync(secretsFile, '', { mode: 0o600 });
  try {
    const env = { ...process.env, [SECRETS_FILE_ENV]: secretsFile, EVIDENCE: '1' };
    const testStatus = await runPlaywright(args, env, path.join(config.reportsDir, 'console.log'));
    const reportStatus = generateReport(config.reportsDir);
    const secrets = readSecretsFile(secretsFile);
    const { files, findings: all } = scanTree(config.reportsDir, secrets);
    const { literal } = splitLiterals(secrets, sourceText());
    const findings = all.filter((f) => !literal.has(f.secretIndex));
    console.log(`\nredaction scan: ${secrets.length} secret(s) used by the run, ${files} file(s) under ${path.relative(ROOT, config.reportsDir)}/ searched (zips opened)`);
    if (literal.size) console.log(`  ${literal.size} of them are literals in the source code (not run secrets); ${all.length - findings.length} finding(s) of those not counted`);
    for (const f of findings) {
      const what = f.secretIndex < 0 ? `UNSEARCHABLE (${f.form})` : `LEAK secret #${f.secretIndex + 1} (${f.form})`;
      console.log(`  ${what} in ${f.file}${f.entry ? ` → ${f.entry}` : ''}`);
    }
    if (testStatus !== 0) console.log(`  note: the test run itself exited with ${testStatus}`);
    if (reportStatus !== 0) console.log(`  note: the Allure report was not generated (${reportStatus})`);
    if (secrets.length === literal.size) {
      console.log('  FAIL: the run used no secret, so the scan proves nothing (run specs that type passwords).');
      return 1;
    }
    console.log(findings.length ? `  FAIL: ${findings.length} leak(s)` : '  PASS: no secret found in any output');
    return findings.length ? 1 : 0;
  } finally {
    fs.rmSync(secretsDir, { recursive: true, force: true });
  }
}

// A rejection ends the process with its stack and a non-zero code (Node's default).
if (require.main === module) void main(process.argv.slice(2)).then((code) => process.exit(code));
