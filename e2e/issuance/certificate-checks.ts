/**
 * What every issued login certificate must be (ISS-OK, IMP-OK), checked with node-forge and
 * Node's X509Certificate: subject, issuer, the chain up to the expected root with real
 * signature checks, the chosen key length, clientAuth, and a validity window around now.
 */
import { expect } from '../../fixtures';
import { expectedIssuerPath, verifyPath } from '../../fixtures/certificates';
import { parseCertificate, type ChainName, type ParsedCertificate } from '../../certs/issue';

const DAY_MS = 24 * 60 * 60 * 1000;

export function expectLoginCertificate(
  leafPem: string,
  chainPem: string[],
  rootPem: string,
  expected: { chain: ChainName; keyBits: 1024 | 2048 },
): ParsedCertificate {
  const leaf = parseCertificate(leafPem);
  const issuers = expectedIssuerPath(expected.chain);
  // "S47" + digits + "P" (catalogue: certificates seen in the documents).
  expect(leaf.subject.CN).toMatch(/^S47\d+P$/);
  expect(leaf.issuerCN).toBe(issuers[0]);
  expect(leaf.keyBits).toBe(expected.keyBits);
  expect(leaf.ekus).toEqual(['clientAuth']);
  expect(leaf.isCa).toBe(false);
  const now = Date.now();
  expect(leaf.notBefore.getTime()).toBeLessThanOrEqual(now);
  expect(leaf.notAfter.getTime()).toBeGreaterThan(now + 300 * DAY_MS);
  // PUB CA1 / CA8 come with their intermediate; RSA CA16 signs directly under itself.
  expect(chainPem).toHaveLength(issuers.length - 1);
  expect(verifyPath(leafPem, chainPem, rootPem).slice(1)).toEqual(issuers);
  return leaf;
}
