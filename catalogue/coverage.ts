/**
 * Catalogue coverage: which specs carry each catalogue ID (their tags), and how each of
 * them ended in the last run. Input is Playwright's JSON report format — from
 * `playwright test --list --reporter=json` (every spec, run or not) and from the run's
 * results.json (the last results).
 */
import { CATALOGUE, CATALOGUE_IDS, looksLikeId, SYSTEMS, type System } from './ids';

/** The parts of Playwright's JSON report this module reads. */
export interface JsonReport {
  suites?: JsonSuite[];
}
interface JsonSuite {
  title: string;
  file?: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}
interface JsonSpec {
  id: string;
  title: string;
  file: string;
  line: number;
  tags: string[];
  tests: { projectName: string; status?: string; results?: { status: string }[] }[];
}

export type LastResult = 'passed' | 'failed' | 'flaky' | 'skipped' | 'not run';

export interface SpecRef {
  id: string;
  location: string;
  title: string;
  result: LastResult;
}

export interface CoverageRow {
  id: string;
  system: System;
  specs: SpecRef[];
}

export interface Coverage {
  rows: CoverageRow[];
  uncovered: string[];
  /** Tags shaped like IDs that the catalogue does not know (typos leave an ID uncovered). */
  unknownTags: { tag: string; specs: string[] }[];
}

export function specsOf(report: JsonReport): JsonSpec[] {
  const out: JsonSpec[] = [];
  const visit = (suite: JsonSuite) => {
    out.push(...(suite.specs ?? []));
    (suite.suites ?? []).forEach(visit);
  };
  (report.suites ?? []).forEach(visit);
  return out;
}

/** One spec's outcome over its projects: any failure wins, then flaky, passed, skipped. */
export function lastResult(spec: JsonSpec | undefined): LastResult {
  const tests = spec?.tests.filter((t) => t.results?.length) ?? [];
  if (!tests.length) return 'not run';
  const statuses = tests.map((t) => t.status);
  if (statuses.includes('unexpected')) return 'failed';
  if (statuses.includes('flaky')) return 'flaky';
  if (statuses.includes('expected')) return 'passed';
  return 'skipped';
}

export function coverage(listed: JsonReport, results: JsonReport | undefined): Coverage {
  const ran = new Map(specsOf(results ?? {}).map((s) => [s.id, s]));
  const byId = new Map<string, SpecRef[]>(CATALOGUE_IDS.map((id) => [id, []]));
  const unknown = new Map<string, string[]>();
  for (const spec of specsOf(listed)) {
    const ref: SpecRef = { id: spec.id, location: `e2e/${spec.file}:${spec.line}`, title: spec.title, result: lastResult(ran.get(spec.id)) };
    for (const raw of new Set(spec.tags)) {
      const tag = raw.replace(/^@/, '');
      const refs = byId.get(tag);
      if (refs) refs.push(ref);
      else if (looksLikeId(tag)) unknown.set(tag, [...(unknown.get(tag) ?? []), ref.location]);
    }
  }
  const rows = CATALOGUE_IDS.map((id) => ({ id, system: CATALOGUE.get(id)!.system, specs: byId.get(id)! }));
  return {
    rows,
    uncovered: rows.filter((r) => !r.specs.length).map((r) => r.id),
    unknownTags: [...unknown].map(([tag, specs]) => ({ tag, specs })),
  };
}

const MARK: Record<LastResult, string> = { passed: '✓ passed', failed: '✗ failed', flaky: '~ flaky', skipped: '- skipped', 'not run': '· not run' };

/** The listing `npm run coverage` prints: per system, each ID, then its specs and results. */
export function formatCoverage(c: Coverage): string {
  const lines: string[] = [];
  let system: string | undefined;
  for (const row of [...c.rows].sort((a, b) => SYSTEMS.indexOf(a.system) - SYSTEMS.indexOf(b.system))) {
    if (row.system !== system) {
      system = row.system;
      lines.push('', `■ ${system}`);
    }
    const summary = CATALOGUE.get(row.id)!.summary;
    if (!row.specs.length) {
      lines.push(`  ✗ ${row.id.padEnd(14)} NO SPEC  — ${summary}`);
      continue;
    }
    lines.push(`  ${row.id.padEnd(16)} ${summary}`);
    for (const s of row.specs) lines.push(`      ${MARK[s.result].padEnd(10)} ${s.location}  ${s.title}`);
  }
  const covered = c.rows.length - c.uncovered.length;
  lines.push('', `${covered}/${c.rows.length} catalogue IDs have a spec.`);
  if (c.uncovered.length) lines.push(`No spec yet (${c.uncovered.length}): ${c.uncovered.join(' ')}`);
  for (const u of c.unknownTags) lines.push(`Unknown ID tag @${u.tag} (not in catalogue/ids.ts): ${u.specs.join(', ')}`);
  return lines.join('\n');
}
