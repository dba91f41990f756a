/**
 * Finding and scrubbing known secret values in whatever a run writes: text, JSON, HTML,
 * form bodies and Playwright trace archives (zip). A value is looked for in every form a
 * browser, Playwright or a reporter may have written it in (raw, URL-encoded, form-encoded,
 * JSON-escaped, HTML-escaped, base64).
 *
 * Traces need more than the known values: the trace's DOM snapshots keep every input's
 * value, so a password field's value is blanked whatever it was.
 */
import fs from 'node:fs';
import AdmZip from 'adm-zip';
import nunjucks from 'nunjucks';
import { MASK } from '../fixtures/secret';
import { SecretIndex, secretIndexFor } from './secret-index';

/** Shorter values would match by chance (a 3-digit number in a screenshot's bytes). */
export const MIN_SECRET_LENGTH = 4;
/**
 * No password, PIN or OTP field takes more: a longer "secret" is a bad-input probe a spec
 * wrapped in a Secret ('a' × 10,000), which other specs type in the clear on purpose.
 */
export const MAX_SECRET_LENGTH = 256;

export function isSecretValue(v: string | undefined): v is string {
  return !!v && v.length >= MIN_SECRET_LENGTH && v.length <= MAX_SECRET_LENGTH;
}

/**
 * One form of one secret as bytes. Short hex-like values (an OTP 482913, a PIN 0a1b2c) are
 * matched only as a whole token: inside a longer run of letters and digits — a sha1
 * resource name, a timestamp — they are a coincidence, and scrubbing there would corrupt
 * the trace's numbers and file names.
 */
export class Needle {
  readonly bytes: Buffer;
  readonly bounded: boolean;

  constructor(readonly form: string) {
    this.bytes = Buffer.from(form);
    this.bounded = /^[0-9A-Fa-f]{1,12}$/.test(form);
  }

  /** Start offsets of the whole-token occurrences. */
  indexes(data: Buffer): number[] {
    const out: number[] = [];
    for (let at = data.indexOf(this.bytes); at !== -1; at = data.indexOf(this.bytes, at + 1)) {
      if (!this.bounded || (!isAlnum(data[at - 1]) && !isAlnum(data[at + this.bytes.length]))) out.push(at);
    }
    return out;
  }

  replace(data: Buffer, replacement: Buffer): Buffer {
    const at = this.indexes(data);
    if (!at.length) return data;
    const parts: Buffer[] = [];
    let from = 0;
    for (const i of at) {
      if (i < from) continue;
      parts.push(data.subarray(from, i), replacement);
      from = i + this.bytes.length;
    }
    parts.push(data.subarray(from));
    return Buffer.concat(parts);
  }
}

function isAlnum(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
}

/**
 * A value as the suite's own HTML pages write it (evidence/templates/): the same library with
 * the same autoescape, so the HTML form searched for is exactly the form written.
 */
const HTML_TEXT = new nunjucks.Template('{{ value }}', new nunjucks.Environment(null, { autoescape: true }));

/** The forms a value may be written in, by name. */
export function namedFormsOf(value: string): { name: string; form: string }[] {
  const all = [
    { name: 'raw', form: value },
    { name: 'url', form: encodeURIComponent(value) },
    { name: 'form', form: encodeURIComponent(value).replace(/%20/g, '+') },
    { name: 'json', form: JSON.stringify(value).slice(1, -1) },
    { name: 'html', form: HTML_TEXT.render({ value }) },
    { name: 'base64', form: Buffer.from(value).toString('base64').replace(/=+$/, '') },
  ];
  const seen = new Set<string>();
  return all.filter((f) => f.form.length >= MIN_SECRET_LENGTH && !seen.has(f.form) && seen.add(f.form));
}

/**
 * Long pieces of a secret: a wrong value made from the real one (9 of its 10 characters, as a
 * spec once typed in the clear) leaks most of it. Every substring of length
 * max(6, min(n - 1, 8)) of a secret of n ≥ 7 characters: 8 of a 10-character password (so
 * any 9 of them are caught), 6 of a 7-character PIN; shorter secrets (a 6-digit OTP) have
 * no fragment long enough not to match by chance.
 */
export function fragmentsOf(value: string): string[] {
  if (value.length < 7) return [];
  const length = Math.max(6, Math.min(value.length - 1, 8));
  const out = new Set<string>();
  for (let at = 0; at + length <= value.length; at++) out.add(value.slice(at, at + length));
  return [...out];
}

export function formsOf(value: string): string[] {
  return namedFormsOf(value).map((f) => f.form);
}


export function readSecretsFile(file: string | undefined): string[] {
  if (!file || !fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string);
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-ndjson|vnd\.allure\.[\w.+-]+)|.*\+json$)/;

export function isTextType(contentType: string | undefined): boolean {
  return !!contentType && TEXT_TYPES.test(contentType);
}

export function isZip(data: Buffer): boolean {
  return data.length > 4 && data.readUInt32LE(0) === 0x04034b50;
}

/** A flat JSON attribute object of a DOM snapshot node that is a password input. */
const PASSWORD_ATTRS = /\{[^{}[\]]*"type":"password"[^{}[\]]*\}/g;
const SNAPSHOT_VALUE = /("__playwright_value_":)"(?:[^"\\]|\\.)+"/g;

export class Redactor {
  private readonly needles: Needle[];
  /** With many needles (a whole run's secrets), one pass finds out whether any can be there (./secret-index.ts). */
  private readonly index: SecretIndex | undefined;

  constructor(values: Iterable<string>) {
    const forms = new Set<string>();
    for (const v of values) if (isSecretValue(v)) formsOf(v).forEach((f) => forms.add(f));
    // Longest first: a value's raw form must not pre-empt a longer encoded form containing it.
    this.needles = [...forms].sort((a, b) => b.length - a.length).map((f) => new Needle(f));
    // Only needles that hold no character of the mask can be skipped when absent: replacing one
    // needle by the mask can never make another of them appear.
    const maskFree = this.needles.every((n) => ![...MASK].some((c) => n.form.includes(c)));
    this.index = this.needles.length >= 8 && maskFree ? new SecretIndex(this.needles.map((n) => [n.form])) : undefined;
  }

  get size(): number {
    return this.needles.length;
  }

  text(s: string): string {
    if (!this.needles.some((n) => s.includes(n.form))) return s;
    return this.bytes(Buffer.from(s))?.toString() ?? s;
  }

  /** The bytes with every form replaced, or undefined when nothing was found. */
  bytes(data: Buffer): Buffer | undefined {
    const maybe = this.index?.candidates(data);
    const needles = maybe ? this.needles.filter((_, i) => maybe.has(i)) : this.needles;
    if (!needles.some((n) => n.indexes(data).length)) return undefined;
    const mask = Buffer.from(MASK);
    return needles.reduce((out, n) => n.replace(out, mask), data);
  }

  /** A trace (or any zip): every entry scrubbed; password inputs of DOM snapshots blanked. */
  zip(data: Buffer): Buffer | undefined {
    const zip = new AdmZip(data);
    let changed = false;
    for (const entry of zip.getEntries()) {
      if (entry.isDirectory) continue;
      const content = entry.getData();
      let next = isZip(content) ? this.zip(content) : this.bytes(content);
      if (/\.trace$/.test(entry.entryName)) {
        const text = (next ?? content).toString('utf8');
        const blanked = text.replace(PASSWORD_ATTRS, (attrs) => attrs.replace(SNAPSHOT_VALUE, `$1"${MASK}"`));
        if (blanked !== text) next = Buffer.from(blanked, 'utf8');
      }
      if (next) {
        zip.updateFile(entry, next);
        changed = true;
      }
    }
    return changed ? zip.toBuffer() : undefined;
  }

  /** Scrubs a file in place (zip or text); true when it changed. */
  file(file: string, contentType?: string): boolean {
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return false;
    const data = fs.readFileSync(file);
    const next = isZip(data) ? this.zip(data) : isTextType(contentType) || !contentType ? this.bytes(data) : undefined;
    if (!next) return false;
    fs.writeFileSync(file, next);
    return true;
  }

  /** Every string inside a plain object/array, in place (step params, error objects). */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) {
      value.forEach((v: unknown, i) => {
        value[i] = this.deep(v);
      });
      return value;
    }
    if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Date)) {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'function') continue;
        (value as Record<string, unknown>)[k] = this.deep(v);
      }
    }
    return value;
  }
}

export interface Finding {
  file: string;
  /** Inside an archive: the entry's path. */
  entry?: string;
  /** Which secret (by its position in the list, never the value) and in which form. */
  secretIndex: number;
  form: string;
}

/** Every occurrence of any form of any secret in the data; zips and embedded zips are opened. */
/** Every needle findSecrets may look for: the forms of a secret and its fragments (raw and URL-encoded). */
const needlesOf = (secret: string): string[] =>
  isSecretValue(secret) ? [...namedFormsOf(secret).map((f) => f.form), ...fragmentsOf(secret).flatMap((f) => [f, encodeURIComponent(f)])] : [];

export function findSecrets(data: Buffer, secrets: readonly string[], where: { file: string; entry?: string }): Finding[] {
  const findings: Finding[] = [];
  // One pass tells which secrets can be here at all; only those are searched form by form.
  const maybe = secretIndexFor(secrets, needlesOf).candidates(data);
  secrets.forEach((secret, secretIndex) => {
    if (!isSecretValue(secret) || !maybe.has(secretIndex)) return;
    let found = false;
    for (const { name, form } of namedFormsOf(secret)) {
      if (new Needle(form).indexes(data).length) {
        findings.push({ ...where, secretIndex, form: name });
        found = true;
      }
    }
    // Not the whole value, but most of it (raw and URL-encoded: a fragment is alphanumerics mostly).
    if (!found) {
      const hit = fragmentsOf(secret).find((f) => [f, encodeURIComponent(f)].some((form) => new Needle(form).indexes(data).length));
      if (hit) findings.push({ ...where, secretIndex, form: `fragment (${hit.length} of ${secret.length} characters)` });
    }
  });
  if (isZip(data)) {
    try {
      for (const entry of new AdmZip(data).getEntries()) {
        if (entry.isDirectory) continue;
        const name = where.entry ? `${where.entry}!/${entry.entryName}` : entry.entryName;
        findings.push(...findSecrets(entry.getData(), secrets, { file: where.file, entry: name }));
      }
    } catch (error) {
      // The byte search above still ran; say the entries could not be searched.
      findings.push({ ...where, secretIndex: -1, form: `unreadable zip: ${String(error)}` });
    }
  }
  // Playwright's HTML report carries its data as a base64 zip inside index.html.
  const text = data.length < 200 * 1024 * 1024 ? data.toString('latin1') : '';
  for (const match of text.matchAll(/data:application\/zip;base64,([A-Za-z0-9+/=]+)/g)) {
    findings.push(...findSecrets(Buffer.from(match[1], 'base64'), secrets, { file: where.file, entry: `${where.entry ?? ''}<embedded zip>` }));
  }
  return findings;
}

/** Every file under a folder (symlinks not followed). */
export function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    return e.isDirectory() ? walk(p) : e.isFile() ? [p] : [];
  });
}
