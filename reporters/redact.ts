/**
 * The first reporter of the run: it scrubs the secrets the tests used out of everything
 * the other reporters will write — step titles and parameters (Playwright titles a fill
 * `Fill "<value>"`), errors, stdout/stderr, text attachments, and trace archives (a trace
 * records fill values, form bodies and the DOM's input values). Playwright hands the same
 * objects to every reporter in the order of the config, so scrubbing them in place here
 * reaches the HTML report, Allure and the JSON results alike.
 *
 * Which values: the workers append each secret they reveal to a file this reporter
 * creates outside reports/ (fixtures/secret-log.ts); it is deleted when the run ends —
 * unless the redaction scan named the file itself (E2E_SECRETS_FILE), then the scan
 * deletes it after looking for the values in the run's outputs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Reporter, TestCase, TestError, TestResult, TestStep } from '@playwright/test/reporter';
import { SECRETS_FILE_ENV } from '../fixtures/secret-log';
import { readSecretsFile, Redactor } from './redaction';

export default class RedactReporter implements Reporter {
  private readonly file: string;
  private readonly ownedDir: string | undefined;
  private redactor = new Redactor([]);
  private seenSize = -1;

  constructor() {
    const given = process.env[SECRETS_FILE_ENV];
    if (given) {
      this.file = given;
    } else {
      this.ownedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-secrets-'));
      this.file = path.join(this.ownedDir, 'values.jsonl');
      // Workers are started after the reporters and inherit this.
      process.env[SECRETS_FILE_ENV] = this.file;
    }
    fs.writeFileSync(this.file, '', { flag: 'a', mode: 0o600 });
  }

  printsToStdio(): boolean {
    return false;
  }

  onStepBegin(_test: TestCase, _result: TestResult, step: TestStep): void {
    const r = this.current();
    if (!r.size) return;
    step.title = r.text(step.title);
    const path = step.titlePath().map((t) => r.text(t));
    step.titlePath = () => path;
    const withParams = step as TestStep & { params?: Record<string, unknown> };
    if (withParams.params) r.deep(withParams.params);
  }

  onStepEnd(_test: TestCase, _result: TestResult, step: TestStep): void {
    const r = this.current();
    if (r.size && step.error) r.deep(step.error);
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    const r = this.current();
    if (!r.size) return;
    r.deep(result.errors);
    if (result.error) r.deep(result.error);
    result.stdout.forEach((chunk, i) => (result.stdout[i] = typeof chunk === 'string' ? r.text(chunk) : (r.bytes(chunk) ?? chunk)));
    result.stderr.forEach((chunk, i) => (result.stderr[i] = typeof chunk === 'string' ? r.text(chunk) : (r.bytes(chunk) ?? chunk)));
    for (const attachment of result.attachments) {
      attachment.name = r.text(attachment.name);
      if (attachment.body) attachment.body = r.bytes(attachment.body) ?? attachment.body;
      // Images are left alone: password fields render as dots and the evidence masks them.
      else if (attachment.path && !/^(image|video)\//.test(attachment.contentType)) r.file(attachment.path, attachment.contentType);
    }
  }

  onError(error: TestError): void {
    const r = this.current();
    if (r.size) r.deep(error);
  }

  async onExit(): Promise<void> {
    if (this.ownedDir) fs.rmSync(this.ownedDir, { recursive: true, force: true });
  }

  /** The values so far; the file only grows, so a size change means new values. */
  private current(): Redactor {
    const size = fs.existsSync(this.file) ? fs.statSync(this.file).size : 0;
    if (size !== this.seenSize) {
      this.seenSize = size;
      this.redactor = new Redactor(readSecretsFile(this.file));
    }
    return this.redactor;
  }
}
