/**
 * Shows that the evidence pack is stable: two packs of the same commit must give the same
 * pictures for unchanged screens.
 *
 *   tsx scripts/evidence-compare.ts [--threshold T] <packA> <packB>   every flow of A against the same flow in B
 *   tsx scripts/evidence-compare.ts [--threshold T] --repeats <pack>  each <flow> against its <flow>~repeatN
 *                                                                    (a run with --repeat-each)
 *
 * Pictures are compared by decoded pixels (pngjs), so a different PNG encoding of the same
 * image still counts as identical; pictures whose pixels differ are compared with pixelmatch
 * (per-pixel perceptual colour distance, anti-aliased edge pixels told apart), and a picture
 * with any pixel past the threshold is "different". For each different picture a diff image
 * (changed pixels in red over the faded picture) is written to `evidence-diff/<flow>/<file>`
 * beside the pack compared against. Exit code 1 when any picture differs or is missing,
 * 2 on a usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/**
 * pixelmatch's own default (0 = any change of colour, 1 = anything goes): stricter than
 * Playwright's toHaveScreenshot (0.2). A change a reader of the manual cannot see — one step
 * of one colour channel from a different rasteriser — stays within it; a changed text,
 * frame or mask does not.
 */
export const DEFAULT_THRESHOLD = 0.1;

export interface CompareOptions {
  /** pixelmatch's threshold (0..1); DEFAULT_THRESHOLD when not given. */
  threshold?: number;
  /** Where diff images of different pictures go (`<diffDir>/<flow>/<file>`); none written when not given. */
  diffDir?: string;
}

export interface PictureComparison {
  flow: string;
  file: string;
  /** within-threshold: the decoded pixels differ, but no pixel by more than the threshold. */
  result: 'identical-bytes' | 'identical-pixels' | 'within-threshold' | 'different' | 'missing';
  differentPixels?: number;
  /** The diff image written for a different picture. */
  diffImage?: string;
  note?: string;
}

export type PixelDifference = { pixels: number; identical: boolean; diff?: Buffer } | { note: string };

/** pixelmatch reads the data as 32-bit words: the view must start on a multiple of 4. */
const aligned = (data: Buffer): Uint8Array => (data.byteOffset % 4 === 0 ? data : new Uint8Array(data));

/**
 * How many pixels differ by more than the threshold, whether the decoded pixels are
 * identical, and (when some differ) the diff image as PNG; or why the images cannot be compared.
 */
export function pixelDifference(a: Buffer, b: Buffer, options: { threshold?: number } = {}): PixelDifference {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return { note: `size ${pa.width}x${pa.height} vs ${pb.width}x${pb.height}` };
  if (pa.data.equals(pb.data)) return { pixels: 0, identical: true };
  const out = new PNG({ width: pa.width, height: pa.height });
  const pixels = pixelmatch(aligned(pa.data), aligned(pb.data), out.data, pa.width, pa.height, { threshold: options.threshold ?? DEFAULT_THRESHOLD });
  return pixels ? { pixels, identical: false, diff: PNG.sync.write(out) } : { pixels, identical: false };
}

export function compareFlows(dirA: string, dirB: string, flow: string, options: CompareOptions = {}): PictureComparison[] {
  const pngs = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.png')).sort() : []);
  const files = [...new Set([...pngs(dirA), ...pngs(dirB)])].sort();
  return files.map((file): PictureComparison => {
    const fa = path.join(dirA, file);
    const fb = path.join(dirB, file);
    if (!fs.existsSync(fa) || !fs.existsSync(fb)) return { flow, file, result: 'missing', note: fs.existsSync(fa) ? 'only in A' : 'only in B' };
    const a = fs.readFileSync(fa);
    const b = fs.readFileSync(fb);
    if (a.equals(b)) return { flow, file, result: 'identical-bytes' };
    const diff = pixelDifference(a, b, options);
    if ('note' in diff) return { flow, file, result: 'different', note: diff.note };
    if (diff.identical) return { flow, file, result: 'identical-pixels' };
    if (!diff.diff) return { flow, file, result: 'within-threshold' };
    let diffImage: string | undefined;
    if (options.diffDir) {
      diffImage = path.join(options.diffDir, flow, file);
      fs.mkdirSync(path.dirname(diffImage), { recursive: true });
      fs.writeFileSync(diffImage, diff.diff);
    }
    return { flow, file, result: 'different', differentPixels: diff.pixels, diffImage };
  });
}

const flowsIn = (pack: string) =>
  fs.existsSync(pack) ? fs.readdirSync(pack, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];

export function comparePacks(packA: string, packB: string, options: CompareOptions = {}): PictureComparison[] {
  return flowsIn(packA).flatMap((flow) => compareFlows(path.join(packA, flow), path.join(packB, flow), flow, options));
}

export function compareRepeats(pack: string, options: CompareOptions = {}): PictureComparison[] {
  const flows = flowsIn(pack);
  return flows
    .filter((f) => /~repeat\d+$/.test(f))
    .flatMap((repeat) => compareFlows(path.join(pack, repeat.replace(/~repeat\d+$/, '')), path.join(pack, repeat), repeat, options));
}

/** The diff images of a comparison against `pack`: a folder beside it (reports/evidence → reports/evidence-diff). */
export function diffDirFor(pack: string): string {
  return path.join(path.dirname(path.resolve(pack)), `${path.basename(path.resolve(pack))}-diff`);
}

/** A picture that fails the check. */
export const isMismatch = (r: PictureComparison) => r.result === 'different' || r.result === 'missing';

export function describeComparison(r: PictureComparison): string {
  const extra = r.differentPixels !== undefined ? ` (${r.differentPixels} pixels; diff ${r.diffImage ?? 'not written'})` : r.note ? ` (${r.note})` : '';
  return `${r.result.padEnd(16)} ${r.flow}/${r.file}${extra}`;
}

function main(argv: string[]): number {
  const args = [...argv];
  let threshold = DEFAULT_THRESHOLD;
  const at = args.indexOf('--threshold');
  if (at !== -1) {
    threshold = Number(args[at + 1]);
    args.splice(at, 2);
  }
  const repeats = args[0] === '--repeats';
  const [packA, packB] = repeats ? [args[1], args[1]] : [args[0], args[1]];
  if (!packA || !packB || args.length !== 2 || !(threshold >= 0 && threshold <= 1)) {
    console.error('usage: tsx scripts/evidence-compare.ts [--threshold 0..1] <packA> <packB> | [--threshold 0..1] --repeats <pack>');
    return 2;
  }
  const diffDir = diffDirFor(packB);
  fs.rmSync(diffDir, { recursive: true, force: true });
  const options = { threshold, diffDir };
  const results = repeats ? compareRepeats(packA, options) : comparePacks(packA, packB, options);
  for (const r of results) console.log(describeComparison(r));
  const kinds = ['identical-bytes', 'identical-pixels', 'within-threshold', 'different', 'missing'] as const;
  const counts = kinds.map((k) => `${k}: ${results.filter((r) => r.result === k).length}`);
  console.log(`\n${results.length} pictures (pixelmatch threshold ${threshold}) — ${counts.join(', ')}`);
  if (results.some((r) => r.diffImage)) console.log(`diff images: ${diffDir}`);
  if (!results.length) {
    console.error('no pictures to compare');
    return 1;
  }
  return results.some(isMismatch) ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
