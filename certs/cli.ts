/**
 * `npm run certs [-- --force] [-- --dir <path>]`
 *
 * Builds the test PKI (or reuses a valid cache) and prints what is in it, so a
 * developer can see which file to import into a browser and what the mock
 * will trust. Run it before Playwright: playwright.config.ts only reads the
 * cache (loadPkiSync) and cannot generate it.
 */
import * as path from 'node:path';
import { describePkiCache, DEFAULT_PKI_DIR, loadPki, type Pki } from './store';

interface Row {
  name: string;
  subjectCN: string;
  issuerCN: string;
  serial: string;
  notAfter: string;
  bits: string;
  files: string;
}

function parseArgs(argv: string[]): { force: boolean; dir: string } {
  let force = false;
  let dir = DEFAULT_PKI_DIR; // honours $PKI_DIR
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force' || a === '-f') force = true;
    else if (a === '--dir') dir = path.resolve(argv[++i] ?? '');
    else if (a === '--help' || a === '-h') {
      console.log('Usage: npm run certs [-- --force] [-- --dir <path>]');
      process.exit(0);
    } else throw new Error(`Unknown argument ${a}`);
  }
  return { force, dir };
}

function rows(pki: Pki): Row[] {
  const rel = (p: string) => path.relative(pki.dir, path.dirname(p)) || '.';
  const serial = (s: string) => (s.length > 16 ? `${s.slice(0, 16)}…` : s);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const out: Row[] = [];
  for (const ca of Object.values(pki.cas)) {
    out.push({ name: `ca:${ca.id}`, subjectCN: ca.subjectCN, issuerCN: ca.issuerCN, serial: serial(ca.serialHex), notAfter: day(ca.notAfter), bits: String(ca.keyBits), files: `${rel(ca.certPath)}/` });
  }
  const s = pki.server;
  out.push({ name: 'server', subjectCN: s.subjectCN, issuerCN: s.issuerCN, serial: serial(s.serialHex), notAfter: day(s.notAfter), bits: String(s.keyBits), files: `${rel(s.certPath)}/` });
  for (const v of Object.values(pki.variants)) {
    out.push({ name: v.name, subjectCN: v.subjectCN, issuerCN: v.issuerCN, serial: serial(v.serialHex), notAfter: day(v.notAfter), bits: String(v.keyBits), files: `${rel(v.certPath)}/` });
  }
  return out;
}

function printTable(data: Row[]): void {
  const headers: Row = { name: 'name', subjectCN: 'subject CN', issuerCN: 'issuer CN', serial: 'serial', notAfter: 'notAfter', bits: 'bits', files: 'files' };
  const keys = Object.keys(headers) as (keyof Row)[];
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...[headers, ...data].map((r) => r[k].length))])) as Record<keyof Row, number>;
  const line = (r: Row) => keys.map((k) => r[k].padEnd(width[k])).join('  ').trimEnd();
  console.log(line(headers));
  console.log(keys.map((k) => '-'.repeat(width[k])).join('  '));
  for (const r of data) console.log(line(r));
}

async function main(): Promise<void> {
  const { force, dir } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const before = describePkiCache({ dir });
  const pki = await loadPki({ dir, force, log: (l) => console.log(l) });
  const ms = Date.now() - started;
  printTable(rows(pki));
  console.log('');
  console.log('Each files/ directory holds cert.pem, key.pem, chain.pem (issuer chain, no root), fullchain.pem (what a');
  console.log('client presents) and <name>.p12 (leaf + chain); CA directories also hold crl.pem.');
  console.log('');
  console.log(`PKI fingerprint   ${pki.fingerprint}`);
  console.log(`directory         ${pki.dir}`);
  console.log(`client trust      ${pki.clientTrustPath} (roots only)`);
  console.log(`CRLs              ${pki.crlPath} (${pki.crlPems.length} CRLs)`);
  console.log(`PKCS#12 password  ${pki.p12Password}`);
  console.log(`created           ${pki.createdAt.toISOString()}`);
  console.log(`manifest          ${pki.manifestPath}`);
  console.log(before.ok && !force ? `Reused valid cache in ${ms} ms` : `Generated in ${ms} ms`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
