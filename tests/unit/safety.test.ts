/** The safety rails decide from configuration alone (no traffic): production hosts and the named opt-in. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { destructivePolicy, isProductionHost, productionGrepInvert, productionHostsIn } from '../../config/safety';

const staging = {
  webra2: 'https://webra2.double.test:8443',
  webra1: 'https://webra1.double.test',
  repo1: 'http://repo1.double.test',
  ds: 'https://ds.double.test',
  dsnc: 'https://ds-nc.double.test',
  bulksign: 'https://bulksign.double.test',
  mailbox: 'http://mail.double.test',
};
const production = {
  ...staging,
  webra2: 'https://webra2.secomtrust.net',
  webra1: 'https://webra1.secomtrust.net',
  repo1: 'http://repo1.secomtrust.net',
  ds: 'https://ds.e-kakushin.com',
  dsnc: 'https://ds-nc.e-kakushin.com',
};

test('the production hosts of the catalogue are recognised, look-alikes are not', () => {
  for (const h of ['webra1.secomtrust.net', 'WEBRA2.secomtrust.net.', 'repo1.secomtrust.net', 'ds.e-kakushin.com', 'ds-nc.e-kakushin.com']) {
    assert.equal(isProductionHost(h), true, h);
  }
  for (const h of ['webra2.double.test', 'secomtrust.net.example', 'notsecomtrust.net', '127.0.0.1', 'e-kakushin.com.test']) {
    assert.equal(isProductionHost(h), false, h);
  }
  assert.deepEqual(productionHostsIn({ a: 'https://ds.e-kakushin.com/x', b: 'http://127.0.0.1:1', c: undefined }), ['ds.e-kakushin.com']);
});

test('production hosts refuse destructive specs even with the matching opt-in', () => {
  const p = destructivePolicy({ target: 'staging', urls: production, env: { ENVIRONMENT_NAME: 'prod', VERIFY_DESTRUCTIVE: 'prod' } });
  assert.equal(p.allowed, false);
  assert.match(p.reason, /^production host, read-only: .*webra2\.secomtrust\.net/);
  assert.deepEqual(productionGrepInvert({ target: 'staging', urls: production, env: { ENVIRONMENT_NAME: 'prod', VERIFY_DESTRUCTIVE: 'prod' } }), /@destructive/);
  // One production host among staging ones is enough.
  const mixed = destructivePolicy({ target: 'staging', urls: { ...staging, repo1: 'http://repo1.secomtrust.net' }, env: { ENVIRONMENT_NAME: 's', VERIFY_DESTRUCTIVE: 's' } });
  assert.equal(mixed.allowed, false);
});

test('a real environment needs the opt-in that names it', () => {
  const base = { target: 'staging' as const, urls: staging };
  assert.equal(destructivePolicy({ ...base, env: {} }).allowed, false);
  assert.match(destructivePolicy({ ...base, env: { ENVIRONMENT_NAME: 'stg' } }).reason, /^destructive, not opted in/);
  assert.equal(destructivePolicy({ ...base, env: { ENVIRONMENT_NAME: 'stg', VERIFY_DESTRUCTIVE: '1' } }).allowed, false);
  assert.equal(destructivePolicy({ ...base, env: { ENVIRONMENT_NAME: 'stg', VERIFY_DESTRUCTIVE: 'other' } }).allowed, false);
  assert.equal(destructivePolicy({ ...base, env: { VERIFY_DESTRUCTIVE: 'stg' } }).allowed, false);
  assert.equal(destructivePolicy({ ...base, env: { ENVIRONMENT_NAME: 'stg', VERIFY_DESTRUCTIVE: 'stg' } }).allowed, true);
  assert.equal(productionGrepInvert({ ...base, env: {} }), undefined);
});

test('the embedded mock runs everything', () => {
  assert.equal(destructivePolicy({ target: 'mock', urls: staging, env: {} }).allowed, true);
});
