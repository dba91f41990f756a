/**
 * The evidence pack's table of contents: reports/evidence/index.html, from each flow's
 * steps.json. Built at the end of an evidence run (reporters/evidence-index.ts); run it by
 * hand after copying flows together: `npx tsx scripts/evidence-index.ts [packDir]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EVIDENCE_DIR, MANIFEST, type FlowManifest } from '../evidence/flow';
import { packIndexHtml } from '../evidence/html';

export function readFlows(pack: string): FlowManifest[] {
  if (!fs.existsSync(pack)) return [];
  return fs
    .readdirSync(pack, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(pack, e.name, MANIFEST)))
    .map((e) => JSON.parse(fs.readFileSync(path.join(pack, e.name, MANIFEST), 'utf8')) as FlowManifest)
    .sort((a, b) => a.flow.localeCompare(b.flow));
}

export function writePackIndex(pack: string = EVIDENCE_DIR): { index: string; flows: number } | undefined {
  const flows = readFlows(pack);
  if (!flows.length) return undefined;
  const index = path.join(pack, 'index.html');
  fs.writeFileSync(index, packIndexHtml(flows));
  return { index, flows: flows.length };
}

if (require.main === module) {
  const done = writePackIndex(process.argv[2] ? path.resolve(process.argv[2]) : EVIDENCE_DIR);
  console.log(done ? `evidence pack: ${done.index} (${done.flows} flows)` : 'no evidence flows found');
}
