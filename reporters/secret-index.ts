/**
 * Which secrets can be in a buffer at all, in ONE pass over it: the redaction scan looks for
 * every form of every secret (about a dozen needles each) in every file and every zip entry a
 * run wrote, so searching needle by needle costs (secrets × needles × bytes) — with the
 * hundreds of secrets and hundreds of MB of traces of a whole `npm test` run, tens of minutes
 * (npm run bench, issue 11). Every needle is at least 4 bytes long, so a needle can only
 * occur where its first 4 bytes occur: this pass collects the secrets whose needle heads
 * occur anywhere, and only those are searched for in full. The findings are exactly the same.
 */

const HEAD = 4;

export class SecretIndex {
  /** First 2 bytes of some needle head: a cheap filter before the map lookup. */
  private readonly pairs = new Uint8Array(65536);
  private readonly byHead = new Map<number, number[]>();
  /** Secrets with a needle shorter than HEAD bytes: always searched (none today). */
  private readonly always: number[] = [];

  constructor(needlesPerSecret: readonly (readonly string[])[]) {
    needlesPerSecret.forEach((needles, secret) => {
      for (const needle of needles) {
        const b = Buffer.from(needle);
        if (b.length < HEAD) {
          this.always.push(secret);
          continue;
        }
        this.pairs[b[0] | (b[1] << 8)] = 1;
        const head = b.readUInt32LE(0);
        const list = this.byHead.get(head) ?? [];
        if (!list.includes(secret)) list.push(secret);
        this.byHead.set(head, list);
      }
    });
  }

  /** Indexes of the secrets that may occur in `data` (a superset of those that do). */
  candidates(data: Buffer): Set<number> {
    const found = new Set(this.always);
    const { pairs, byHead } = this;
    for (let i = 0, end = data.length - HEAD; i <= end; i++) {
      if (!pairs[data[i] | (data[i + 1] << 8)]) continue;
      const list = byHead.get(data.readUInt32LE(i));
      if (list) for (const s of list) found.add(s);
    }
    return found;
  }
}

const cache = new WeakMap<readonly string[], SecretIndex>();

/** The index of a list of secrets, built once per list (a scan passes the same list for every file). */
export function secretIndexFor(secrets: readonly string[], needlesOf: (secret: string) => string[]): SecretIndex {
  let index = cache.get(secrets);
  if (!index) cache.set(secrets, (index = new SecretIndex(secrets.map(needlesOf))));
  return index;
}
