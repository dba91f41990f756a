/** What every site module of the mock is given: state, addresses, the CA and the mailer. */
import type { Urls } from '../config/env';
import type { Pki } from '../certs/store';
import type { MockCa } from './ca';
import type { Mailer } from './mailer';
import type { MockState } from './state';
import type { FaultName } from './faults';

export interface MockContext {
  state: MockState;
  urls: Urls;
  pki: Pki;
  ca: MockCa;
  mailer: Mailer;
  /** Deliberate defects for meta tests (empty in every normal run). */
  faults: ReadonlySet<FaultName>;
}
