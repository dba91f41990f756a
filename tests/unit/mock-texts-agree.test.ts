/**
 * The mock's transcription of the service's texts (mock/texts.ts) against the suite's traced
 * module (messages/index.ts). They are typed separately on purpose; this test reports every key
 * where they disagree (key and both values) and fails on any disagreement that is not listed
 * below with its reason. A listed difference that no longer differs fails too, so the list
 * stays true.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as suite from '../../messages';
import mockTexts from '../../mock/texts';
import { copyTexts, leaves, type Leaf } from './texts-walk';

/** Functions are compared on what they print for the same arguments. */
const SAMPLE_ARGS = ['項目', 6, 20] as const;
const print = (v: Leaf['value']): string => (typeof v === 'function' ? (v as (...a: unknown[]) => string)(...SAMPLE_ARGS) : v);

/** Suite keys whose mock counterpart has another key (the mock's mail bodies are whole lines). */
const SAME_TEXT_AS: Record<string, string> = {
  'mail.tjkOrganisation': 'customer.organisation',
  'mail.fromOrganisation': 'mail.body.registration.from',
  'mail.body.registrationIntro': 'mail.body.registration.intro.0',
  'mail.body.registrationProcedure': 'mail.body.registration.procedure',
  'mail.body.registrationCertNote': 'mail.body.registration.certNote',
  'mail.body.passwordIntro': 'mail.body.password.intro.0',
  'mail.body.bulkSignUserIntro': 'mail.body.bulkSignUser.intro.0',
  'mail.body.bulkSignAdminTell': 'mail.body.bulkSignAdmin.tell',
  'mail.body.otpEnter': 'mail.body.otp.enter',
};

/** Where the documents show two forms, the mock shows one of them. */
const ONE_OF: Record<string, string> = {
  'forms.serviceTop': 'ebunsho.serviceTop',
  'forms.userNameLabel': 'ebunsho.userNameLabel',
  'forms.toLogin': 'ebunsho.toLogin',
  'forms.forgotPassword': 'ebunsho.forgotPassword',
  'forms.loginIntro': 'ebunsho.loginIntro',
  'forms.autoIssued': 'signing.autoIssued',
  'forms.step3CheckIntro': 'issuance.step3CheckIntro',
  'forms.step3CheckGuide': 'issuance.step3CheckGuide',
  'forms.step1Title': 'issuance.step1Title',
  'forms.passwordLabel': 'issuance.passwordLabel',
  'forms.passwordInOtherMail': 'mail.passwordInOtherMail',
  'forms.registrationSubject': 'mail.registrationSubject',
};

/** Known, reasoned differences: the key, how the two relate, and why. */
const KNOWN: Record<string, { rule: 'suite-only' | 'prefix'; why: string }> = {
  'mail.registrationSubjectPrefixed': { rule: 'suite-only', why: 'IM12’s prefixed subject: the suite accepts it, the mock sends TJK’s' },
  'ebunsho.changeInitialPassword': { rule: 'suite-only', why: 'TJK’s call-out: the suite checks the service does not show it; the mock does not' },
  'ebunsho.policyHint': { rule: 'suite-only', why: 'TJK’s call-out beside the policy: not screen text, the mock does not show it' },
  'ebunsho.profileSigningNotice': { rule: 'prefix', why: 'TJK’s scan shows only the notice’s start; the mock completes it' },
};

interface Disagreement {
  key: string;
  suite: string | undefined;
  mock: string | undefined;
}

/** Every disagreement between the two transcriptions, before the known list is applied. */
export function compare(suiteTexts: unknown, mock: unknown): Disagreement[] {
  const s = new Map(leaves(suiteTexts).map((l) => [l.key, print(l.value)]));
  const m = new Map(leaves(mock).map((l) => [l.key, print(l.value)]));
  const out: Disagreement[] = [];
  const groups = new Map<string, string[]>();
  for (const [key, value] of s) {
    const group = Object.keys(ONE_OF).find((g) => key.startsWith(`${g}.`));
    if (group) {
      groups.set(group, [...(groups.get(group) ?? []), value]);
      continue;
    }
    const mockKey = SAME_TEXT_AS[key] ?? key;
    const known = KNOWN[key];
    const mv = m.get(mockKey);
    if (known?.rule === 'prefix' && mv?.startsWith(value) && mv !== value) continue;
    if (mv !== value) out.push({ key, suite: value, mock: mv });
  }
  for (const [group, values] of groups) {
    const mv = m.get(ONE_OF[group]);
    if (!mv || !values.includes(mv)) out.push({ key: group, suite: values.join(' | '), mock: mv });
  }
  return out;
}

const show = (d: Disagreement) => `${d.key}\n    suite: ${JSON.stringify(d.suite)}\n    mock:  ${JSON.stringify(d.mock)}`;
const suiteTexts = { ...suite.messages, forms: suite.forms };

test('the mock shows what the suite expects, except the listed differences', (t) => {
  const found = compare(suiteTexts, mockTexts);
  for (const d of found) t.diagnostic(`${KNOWN[d.key] ? 'known' : 'DISAGREES'}: ${d.key} — suite ${JSON.stringify(d.suite)} / mock ${JSON.stringify(d.mock)}`);
  const unexplained = found.filter((d) => !KNOWN[d.key]);
  assert.deepEqual(unexplained.map(show), [], `the mock and the suite disagree:\n${unexplained.map(show).join('\n')}`);
  const stale = Object.keys(KNOWN).filter((k) => KNOWN[k].rule !== 'prefix' && !found.some((d) => d.key === k));
  assert.deepEqual(stale, [], 'listed differences that no longer differ: remove them from KNOWN');
});

test('a one-character change in the mock’s copy is reported with both values', () => {
  const changed = copyTexts(mockTexts) as unknown as { ebunsho: { notLoggedInForAYear: string } };
  changed.ebunsho.notLoggedInForAYear = mockTexts.ebunsho.notLoggedInForAYear.replace('1年間', '2年間');
  const report = compare(suiteTexts, changed).filter((d) => !KNOWN[d.key]);
  assert.equal(report.length, 1);
  assert.equal(report[0].key, 'ebunsho.notLoggedInForAYear');
  assert.equal(report[0].suite, suite.ebunsho.notLoggedInForAYear);
  assert.match(report[0].mock ?? '', /2年間/);
});

test('nothing under mock/ imports the suite’s messages module (the mock renders its own transcription)', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const root = path.resolve(__dirname, '..', '..', 'mock');
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|js|njk)$/.test(entry.name) && /(from|require\(|import\()\s*['"][./]*\/?messages(\/index)?['"]/.test(fs.readFileSync(file, 'utf8'))) {
        offenders.push(path.relative(root, file));
      }
    }
  };
  walk(root);
  assert.deepEqual(offenders, []);
});
