/**
 * What every issued login certificate must be (ISS-OK, IMP-OK): subject, issuer, the chosen
 * key length, clientAuth, a validity window around the check time, and the path up to the
 * expected root built and checked link by link (fixtures/certificate-path.ts: signatures,
 * validity, CA constraints and key usage on every link).
 */
import { expect, expectedIssuerPath, verifyPath } from '../../fixtures';
import { parseCertificate, type ChainName, type ParsedCertificate } from '../../certs/issue';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `expected.at`: the moment to check at, the user's clock on the mock (admin.user(id).clock.now); default now. */
export async function expectLoginCertificate(
  leafPem: string,
  chainPem: string[],
  rootPem: string,
  expected: { chain: ChainName; keyBits: 1024 | 2048; at?: Date },
): Promise<ParsedCertificate> {
  const leaf = parseCertificate(leafPem);
  const issuers = expectedIssuerPath(expected.chain);
  // "S47" + digits + "P" (catalogue: certificates seen in the documents).
  expect(leaf.subject.CN).toMatch(/^S47\d+P$/);
  expect(leaf.issuerCN).toBe(issuers[0]);
  expect(leaf.keyBits).toBe(expected.keyBits);
  expect(leaf.ekus).toEqual(['clientAuth']);
  expect(leaf.isCa).toBe(false);
  const at = expected.at ?? new Date();
  const now = at.getTime();
  expect(leaf.notBefore.getTime()).toBeLessThanOrEqual(now);
  expect(leaf.notAfter.getTime()).toBeGreaterThan(now + 300 * DAY_MS);
  // PUB CA1 / CA8 come with their intermediate; RSA CA16 signs directly under itself.
  expect(chainPem).toHaveLength(issuers.length - 1);
  expect((await verifyPath(leafPem, chainPem, rootPem, { at })).slice(1)).toEqual(issuers);
  return leaf;
}
