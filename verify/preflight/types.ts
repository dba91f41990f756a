/** What the preflight reports: one result per check, each naming the guide section it serves. */
export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable, e.g. `tls.webra2.tls10-refused`. */
  id: string;
  /** The guide section the check stands in for (EG25 1-1, EG18/EG25 §2-1 5., …). */
  section: string;
  title: string;
  status: CheckStatus;
  /** Why: what was seen (never a secret). */
  detail: string;
}

export const SECTIONS = {
  reach: 'EG25 1-1',
  reachService: 'EG18/EG25 §2-1 6.',
  tls: 'EG18/EG25 §2-1 5.',
  serverCert: 'EG18/EG25 §2-1 5.',
  clientCert: 'EG18/EG25 §2-1 6.',
  checkPage: 'EG18/EG25 §2-1 6.',
  repository: 'EG18/EG25 §2-1 8.',
} as const;
