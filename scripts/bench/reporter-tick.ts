/**
 * Where the reporters' time goes (issue 11: full reporter set vs list only). The bench config
 * (scripts/bench/playwright.config.ts) puts one of these before the first reporter and after
 * each one. Playwright calls the reporters of a hook one after another in config order (and
 * awaits each onEnd/onExit in turn), so the time between two ticks in the same hook is the
 * reporter between them. The last tick writes REPORTS_DIR/reporter-timings.json at onExit.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Reporter } from '@playwright/test/reporter';
import { config } from '../../config/env';

export interface ReporterTimings {
  /** Milliseconds per reporter label, per hook, in the main process (the reporters' own work). */
  byReporter: Record<string, Record<string, number>>;
  totalMs: Record<string, number>;
}

interface TickOptions {
  /** 0 = before the first reporter; i = after labels[i - 1]. */
  index: number;
  labels: string[];
}

let last = 0n;
const spent: Record<string, Record<string, number>> = {};

const HOOKS = ['onConfigure', 'onBegin', 'onTestBegin', 'onStdOut', 'onStdErr', 'onStepBegin', 'onStepEnd', 'onTestEnd', 'onError', 'onEnd', 'onExit'] as const;

export default class ReporterTick implements Reporter {
  constructor(private readonly options: TickOptions) {
    for (const hook of HOOKS) (this as unknown as Record<string, () => void>)[hook] = () => this.tick(hook);
  }

  printsToStdio(): boolean {
    return false;
  }

  private tick(hook: string): void {
    const now = process.hrtime.bigint();
    const { index, labels } = this.options;
    if (index > 0) {
      const label = labels[index - 1];
      const r = (spent[label] ??= {});
      r[hook] = (r[hook] ?? 0) + Number(now - last) / 1e6;
    }
    last = process.hrtime.bigint();
    if (hook === 'onExit' && index === labels.length) {
      const totalMs = Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, Object.values(v).reduce((a, b) => a + b, 0)]));
      const out: ReporterTimings = { byReporter: spent, totalMs };
      fs.mkdirSync(config.reportsDir, { recursive: true });
      fs.writeFileSync(path.join(config.reportsDir, 'reporter-timings.json'), JSON.stringify(out, null, 2));
    }
  }
}
