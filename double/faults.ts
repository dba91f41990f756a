/**
 * How the staging double can be deployed wrong: the operational defects the preflight
 * (verify/preflight/) must catch, one per check family. These are deployment options of the
 * double, not MOCK_FAULTS (those are defects of the service's behaviour, for meta tests).
 */
export const DEPLOYMENT_FAULTS = {
  tls10: 'webra2 also accepts TLS 1.0 (and so 1.1): legacy protocols enabled as a range',
  'server-cert-expiring': 'the server certificate expires in 10 days (below a 30-day threshold)',
  'repo-missing-intermediate': 'repo1 does not serve the PUB CA8 intermediate the guides name',
  'stale-crl': "the Security Communication RootCA1 CRL on repo1 is past its nextUpdate",
  'no-client-cert-request': 'ds does not ask for a client certificate',
  'repo-down': 'nothing listens on repo1',
} as const;

export type DeploymentFault = keyof typeof DEPLOYMENT_FAULTS;

export function parseDeploymentFaults(value: string | undefined): Set<DeploymentFault> {
  const names = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!(n in DEPLOYMENT_FAULTS)) throw new Error(`double: unknown deployment fault "${n}" (known: ${Object.keys(DEPLOYMENT_FAULTS).join(', ')})`);
  }
  return new Set(names as DeploymentFault[]);
}
