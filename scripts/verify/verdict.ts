/**
 * The readiness verdict: every catalogue ID as verified / failed / not verifiable here, with
 * the reason, from the Playwright JSON results (test tags + skip annotations), the specs a
 * phase did not run (with why), and the preflight.
 */
import { CATALOGUE_IDS } from '../../catalogue/ids';
import { classifySkip, type NotHereCategory } from '../../fixtures/not-here';
import type { CheckResult } from '../../verify/preflight/types';

export type Outcome = 'verified' | 'failed' | 'not verifiable here';

/** One test's outcome in one phase (or a test a phase did not run, with why). */
export interface TestOutcome {
  title: string;
  file: string;
  tags: string[];
  phase: 'read-only' | 'destructive';
  status: 'passed' | 'failed' | 'skipped';
  /** Skip reason, or the failure's first line. */
  reason?: string;
}

export interface VerdictRow {
  id: string;
  outcome: Outcome;
  reason: string;
  passed: number;
  failed: number;
  skipped: number;
}

export interface Verdict {
  environment: string;
  target: string;
  generatedAt: string;
  destructive: { allowed: boolean; reason: string };
  preflight: { passed: number; failed: number; skipped: number; results: CheckResult[] };
  rows: VerdictRow[];
  counts: Record<Outcome, number>;
  ok: boolean;
  why: string[];
  timings: Record<string, number>;
}

const CATEGORY_WORDS: Record<NotHereCategory, string> = {
  'admin-api': 'needs the admin API',
  clock: 'needs the clock',
  'test-pki': 'needs the test PKI',
  destructive: 'destructive, not opted in',
  production: 'production host, read-only',
  'no-account': 'no account of that kind configured',
  other: 'skipped',
};

/** Playwright JSON report → outcomes (suites nest; a spec's tests are its projects' runs). */
export function outcomesFromReport(report: unknown, phase: TestOutcome['phase']): TestOutcome[] {
  const out: TestOutcome[] = [];
  type Spec = { title: string; file: string; tags?: string[]; tests: { annotations?: { type: string; description?: string }[]; results: { status: string; error?: { message?: string }; annotations?: { type: string; description?: string }[] }[]; status?: string }[] };
  type Suite = { specs?: Spec[]; suites?: Suite[] };
  const walk = (suite: Suite) => {
    for (const spec of suite.specs ?? []) {
      const tags = (spec.tags ?? []).map((t) => (t.startsWith('@') ? t : `@${t}`));
      for (const test of spec.tests) {
        const last = test.results[test.results.length - 1];
        const annotations = [...(test.annotations ?? []), ...(last?.annotations ?? [])];
        const skip = annotations.find((a) => a.type === 'skip');
        const raw = last?.status ?? 'skipped';
        // test.status: 'expected' covers a test.fail() whose failure was the point (the guard's meta specs).
        const status = raw === 'skipped' ? 'skipped' : raw === 'passed' || test.status === 'expected' || test.status === 'flaky' ? 'passed' : 'failed';
        const reason = status === 'skipped' ? skip?.description ?? 'skipped' : status === 'failed' ? (last?.error?.message ?? raw).split('\n')[0].replace(/\u001b\[[0-9;]*m/g, '') : undefined;
        out.push({ title: spec.title, file: spec.file, tags, phase, status, reason });
      }
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of (report as { suites?: Suite[] }).suites ?? []) walk(s);
  return out;
}

/**
 * Preflight checks that stand for catalogue IDs: the check page showing the configured
 * certificate as valid is CERT-CHECK; a client-certificate host refusing a handshake
 * without a certificate is EG-2-1 ("このページは表示できません").
 */
export function preflightEvidence(results: readonly CheckResult[]): Map<string, CheckResult[]> {
  const map = new Map<string, CheckResult[]>();
  const add = (id: string, r: CheckResult) => map.set(id, [...(map.get(id) ?? []), r]);
  for (const r of results) {
    if (/^mtls\.webra1\.check-page$/.test(r.id)) add('CERT-CHECK', r);
    if (/^mtls\.ds\.no-certificate-refused$/.test(r.id)) add('EG-2-1', r);
  }
  return map;
}

export function buildRows(outcomes: readonly TestOutcome[], preflight: readonly CheckResult[] = []): VerdictRow[] {
  const evidence = preflightEvidence(preflight);
  return CATALOGUE_IDS.map((id) => {
    const mine = outcomes.filter((o) => o.tags.includes(`@${id}`));
    const checks = evidence.get(id) ?? [];
    const passed = mine.filter((o) => o.status === 'passed').length + checks.filter((c) => c.status === 'pass').length;
    const failedTests = mine.filter((o) => o.status === 'failed');
    const failedChecks = checks.filter((c) => c.status === 'fail');
    const skipped = mine.filter((o) => o.status === 'skipped');
    const failed = failedTests.length + failedChecks.length;
    const why = new Map<string, number>();
    for (const s of skipped) {
      const words = CATEGORY_WORDS[classifySkip(s.reason)];
      // "None left" (all leased or used up by earlier specs) is not "none configured": say which.
      const usedUp = classifySkip(s.reason) === 'no-account' && /left \(all leased or used up\)/.test(s.reason ?? '');
      const label = words === 'skipped' ? (s.reason ?? 'skipped') : usedUp ? 'no account of that kind left (all leased or used up)' : words;
      why.set(label, (why.get(label) ?? 0) + 1);
    }
    const skippedText = [...why].map(([w, n]) => `${n} ${w}`).join('; ');
    if (failed > 0) {
      const first = failedTests[0] ? `${failedTests[0].title}: ${failedTests[0].reason ?? ''}` : `preflight ${failedChecks[0].id}: ${failedChecks[0].detail}`;
      return { id, outcome: 'failed', reason: `${failed} failed — ${first}`.slice(0, 300), passed, failed, skipped: skipped.length };
    }
    if (passed > 0) {
      const via = [mine.some((o) => o.status === 'passed') ? `${mine.filter((o) => o.status === 'passed').length} spec(s)` : '', checks.some((c) => c.status === 'pass') ? 'preflight' : '']
        .filter(Boolean)
        .join(' + ');
      return { id, outcome: 'verified', reason: `${via} passed${skippedText ? `; not run here: ${skippedText}` : ''}`, passed, failed, skipped: skipped.length };
    }
    return {
      id,
      outcome: 'not verifiable here',
      reason: skippedText || (mine.length === 0 ? 'no spec for it in this run' : 'nothing ran'),
      passed,
      failed,
      skipped: skipped.length,
    };
  });
}

export function countRows(rows: readonly VerdictRow[]): Record<Outcome, number> {
  return {
    verified: rows.filter((r) => r.outcome === 'verified').length,
    failed: rows.filter((r) => r.outcome === 'failed').length,
    'not verifiable here': rows.filter((r) => r.outcome === 'not verifiable here').length,
  };
}

export function formatTable(rows: readonly VerdictRow[]): string {
  const w = Math.max(...rows.map((r) => r.id.length));
  const o = Math.max(...rows.map((r) => r.outcome.length));
  return rows.map((r) => `${r.id.padEnd(w)}  ${r.outcome.padEnd(o)}  ${r.reason}`).join('\n');
}
