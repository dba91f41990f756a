/**
 * Shows that the evidence pack is stable: two packs of the same commit must give
 * pixel-identical pictures for unchanged screens.
 *
 *   tsx scripts/evidence-compare.ts <packA> <packB>   every flow of A against the same flow in B
 *   tsx scripts/evidence-compare.ts --repeats <pack>   each <flow> against its <flow>~repeatN
 *                                                      (a run with --repeat-each)
 *
 * Pictures are compared by decoded pixels (pngjs), so a different PNG encoding of the
 * same image still counts as identical. Exit code 1 when any picture differs or is missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export interface PictureComparison {
  flow: string;
  file: string;
  result: 'identical-bytes' | 'identical-pixels' | 'different' | 'missing';
  differentPixels?: number;
  note?: string;
}

/** Number of pixels that differ (RGBA), or a reason the images cannot be compared. */
export function pixelDifference(a: Buffer, b: Buffer): { pixels: number } | { note: string } {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return { note: `size ${pa.width}x${pa.height} vs ${pb.width}x${pb.height}` };
  let pixels = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    if (pa.data[i] !== pb.data[i] || pa.data[i + 1] !== pb.data[i + 1] || pa.data[i + 2] !== pb.data[i + 2] || pa.data[i + 3] !== pb.data[i + 3]) pixels++;
  }
  return { pixels };
}

export function compareFlows(dirA: string, dirB: string, flow: string): PictureComparison[] {
  const pngs = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.png')).sort() : []);
  const files = [...new Set([...pngs(dirA), ...pngs(dirB)])].sort();
  return files.map((file): PictureComparison => {
    const fa = path.join(dirA, file);
    const fb = path.join(dirB, file);
    if (!fs.existsSync(fa) || !fs.existsSync(fb)) return { flow, file, result: 'missing', note: fs.existsSync(fa) ? 'only in A' : 'only in B' };
    const a = fs.readFileSync(fa);
    const b = fs.readFileSync(fb);
    if (a.equals(b)) return { flow, file, result: 'identical-bytes' };
    const diff = pixelDifference(a, b);
    if ('note' in diff) return { flow, file, result: 'different', note: diff.note };
    return diff.pixels === 0 ? { flow, file, result: 'identical-pixels' } : { flow, file, result: 'different', differentPixels: diff.pixels };
  });
}

const flowsIn = (pack: string) =>
  fs.existsSync(pack) ? fs.readdirSync(pack, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];

export function comparePacks(packA: string, packB: string): PictureComparison[] {
  return flowsIn(packA).flatMap((flow) => compareFlows(path.join(packA, flow), path.join(packB, flow), flow));
}

export function compareRepeats(pack: string): PictureComparison[] {
  const flows = flowsIn(pack);
  return flows
    .filter((f) => /~repeat\d+$/.test(f))
    .flatMap((repeat) => compareFlows(path.join(pack, repeat.replace(/~repeat\d+$/, '')), path.join(pack, repeat), repeat));
}

function main(argv: string[]): number {
  const results = argv[0] === '--repeats' ? compareRepeats(argv[1]) : comparePacks(argv[0], argv[1]);
  if (!argv[0] || (argv[0] !== '--repeats' && !argv[1])) {
    console.error('usage: tsx scripts/evidence-compare.ts <packA> <packB> | --repeats <pack>');
    return 2;
  }
  for (const r of results) {
    const extra = r.differentPixels !== undefined ? ` (${r.differentPixels} pixels)` : r.note ? ` (${r.note})` : '';
    console.log(`${r.result.padEnd(16)} ${r.flow}/${r.file}${extra}`);
  }
  const bad = results.filter((r) => r.result === 'different' || r.result === 'missing');
  const counts = ['identical-bytes', 'identical-pixels', 'different', 'missing'].map((k) => `${k}: ${results.filter((r) => r.result === k).length}`);
  console.log(`\n${results.length} pictures — ${counts.join(', ')}`);
  if (!results.length) {
    console.error('no pictures to compare');
    return 1;
  }
  return bad.length ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
