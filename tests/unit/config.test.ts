/** The typed configuration: defaults for the mock, and a fast, named failure for bad values. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../config/env';

test('TARGET defaults to the embedded mock with one origin per production host', () => {
  const c = loadConfig({});
  assert.equal(c.target, 'mock');
  const origins = new Set([c.urls.webra2, c.urls.webra1, c.urls.repo1, c.urls.ds, c.urls.dsnc, c.urls.bulksign].map((u) => new URL(u).origin));
  assert.equal(origins.size, 6);
  assert.match(c.urls.repo1, /^http:/, 'the CA repository is plain HTTP, as repo1 is');
  assert.match(c.urls.admin!, /^http:\/\/127\.0\.0\.1:/);
  assert.deepEqual(c.clientCertOrigins, [new URL(c.urls.webra1).origin, new URL(c.urls.ds).origin]);
});

test('a bad variable fails fast and is named', () => {
  assert.throws(() => loadConfig({ MOCK_BASE_PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && /MOCK_BASE_PORT/.test(e.message));
  assert.throws(() => loadConfig({ TARGET: 'prod' }), (e: unknown) => e instanceof ConfigError && /TARGET/.test(e.message));
});

test('staging needs its URLs from .env, and never gets an admin API', () => {
  assert.throws(() => loadConfig({ TARGET: 'staging' }), (e: unknown) => e instanceof ConfigError && /STAGING_DS_URL/.test(e.message) && /MAILBOX_URL/.test(e.message));
  const c = loadConfig({
    TARGET: 'staging',
    STAGING_WEBRA2_URL: 'https://webra2.staging.example',
    STAGING_WEBRA1_URL: 'https://webra1.staging.example',
    STAGING_REPO1_URL: 'http://repo1.staging.example',
    STAGING_DS_URL: 'https://ds.staging.example',
    STAGING_DSNC_URL: 'https://ds-nc.staging.example',
    STAGING_BULKSIGN_URL: 'https://bulk.staging.example',
    MAILBOX_URL: 'http://mail.staging.example:8025',
  });
  assert.equal(c.urls.admin, undefined);
  assert.equal(c.urls.ds, 'https://ds.staging.example');
});

test('CA names: the documented names as they are on a real environment, with the test PKI marker on the mock, overridable', async () => {
  const { DOCUMENTED_ISSUER_PATHS } = await import('../../fixtures/certificates');
  assert.equal(loadConfig({}).caNameSuffix, ' TEST');
  assert.equal(loadConfig({ CA_NAME_SUFFIX: '' }).caNameSuffix, '');
  // The suite's expectation is the documents' wording, never the test PKI's definition.
  assert.deepEqual(DOCUMENTED_ISSUER_PATHS['pub-ca8'], ['SECOM Passport for Member PUB CA8', 'Security Communication RootCA2']);
  const { CA_DEFINITIONS } = await import('../../certs/definition');
  const testPkiCn = CA_DEFINITIONS.find((c) => c.id === 'pub-ca8')!.subject.find((a) => a.type === 'CN')!.value;
  assert.equal(testPkiCn, `${DOCUMENTED_ISSUER_PATHS['pub-ca8'][0]}${loadConfig({}).caNameSuffix}`, 'the test PKI follows the documented name + marker');
});
