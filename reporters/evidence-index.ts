/**
 * In the evidence mode (EVIDENCE=1), writes the pack's table of contents when the run
 * ends; the flows themselves are written by the tests (evidence/recorder.ts).
 */
import type { Reporter } from '@playwright/test/reporter';
import { config } from '../config/env';
import { writePackIndex } from '../scripts/evidence-index';

export default class EvidenceIndexReporter implements Reporter {
  printsToStdio(): boolean {
    return false;
  }

  onEnd(): void {
    if (!config.evidence) return;
    const done = writePackIndex();
    if (done) console.log(`\nEvidence pack: ${done.index} (${done.flows} flows)`);
  }
}
