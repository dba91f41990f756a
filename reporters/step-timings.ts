/**
 * Where a test's time goes: fixture setup ("Before Hooks": provisioning and its mails,
 * certificate minting, PKCS#12 opening, the browser context), the test body, and
 * teardown ("After Hooks": closing contexts, traces, evidence). Playwright's JSON report
 * keeps only `test.step` steps, so this reads the hook and fixture steps the runner gives
 * reporters and writes REPORTS_DIR/step-timings.json (read by `npm run bench`).
 * Fixture times are "self" times (a fixture's duration minus the fixtures it waited on).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult, TestStep } from '@playwright/test/reporter';
import { config } from '../config/env';

export interface StepTimings {
  tests: number;
  wallMs: number;
  totalMs: { setup: number; body: number; teardown: number };
  /** Self time per fixture over all tests, largest first. */
  fixtures: { name: string; ms: number; count: number }[];
}

export default class StepTimingsReporter implements Reporter {
  private readonly totals = { setup: 0, body: 0, teardown: 0 };
  private readonly fixtures = new Map<string, { ms: number; count: number }>();
  private tests = 0;

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    this.tests++;
    const hook = (title: string) => result.steps.filter((s) => s.category === 'hook' && s.title === title);
    const before = hook('Before Hooks');
    const after = hook('After Hooks');
    const setup = before.reduce((n, s) => n + s.duration, 0);
    const teardown = after.reduce((n, s) => n + s.duration, 0);
    this.totals.setup += setup;
    this.totals.teardown += teardown;
    this.totals.body += Math.max(0, result.duration - setup - teardown);
    for (const s of before) this.fixtureSelfTimes(s);
  }

  private fixtureSelfTimes(step: TestStep): number {
    const children = step.steps.reduce((n, c) => n + (c.category === 'fixture' ? this.fixtureSelfTimes(c) : this.fixtureSelfTimesInside(c)), 0);
    if (step.category !== 'fixture') return step.duration;
    const name = step.title.replace(/^Fixture\s+/, '').replace(/^"|"$/g, '');
    const f = this.fixtures.get(name) ?? { ms: 0, count: 0 };
    f.ms += Math.max(0, step.duration - children);
    f.count++;
    this.fixtures.set(name, f);
    return step.duration;
  }

  /** Non-fixture steps inside a fixture (e.g. a test.step of a helper): look for fixtures below them. */
  private fixtureSelfTimesInside(step: TestStep): number {
    for (const c of step.steps) if (c.category === 'fixture') this.fixtureSelfTimes(c);
    return 0;
  }

  onEnd(result: FullResult): void {
    if (!this.tests) return;
    const out: StepTimings = {
      tests: this.tests,
      wallMs: result.duration,
      totalMs: this.totals,
      fixtures: [...this.fixtures].map(([name, f]) => ({ name, ...f })).sort((a, b) => b.ms - a.ms),
    };
    fs.mkdirSync(config.reportsDir, { recursive: true });
    fs.writeFileSync(path.join(config.reportsDir, 'step-timings.json'), JSON.stringify(out, null, 2));
  }
}
