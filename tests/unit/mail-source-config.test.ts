/** MAIL_SOURCE: the catcher by default; IMAP needs its server and account, and then staging needs no MAILBOX_URL. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../config/env';
import { createMailSource } from '../../fixtures/configured-mail-source';
import { ImapMailSource } from '../../fixtures/imap-mail-source';
import { CatcherMailSource } from '../../fixtures/mailbox';

const staging = {
  TARGET: 'staging',
  STAGING_WEBRA2_URL: 'https://webra2.staging.example',
  STAGING_WEBRA1_URL: 'https://webra1.staging.example',
  STAGING_REPO1_URL: 'http://repo1.staging.example',
  STAGING_DS_URL: 'https://ds.staging.example',
  STAGING_DSNC_URL: 'https://ds-nc.staging.example',
  STAGING_BULKSIGN_URL: 'https://bulk.staging.example',
};

test('the catcher is the default source', async () => {
  const source = await createMailSource(loadConfig({}));
  assert.ok(source instanceof CatcherMailSource);
});

test('MAIL_SOURCE=imap names every missing IMAP variable, and never prints the password', () => {
  assert.throws(
    () => loadConfig({ MAIL_SOURCE: 'imap' }),
    (e: unknown) => e instanceof ConfigError && /IMAP_HOST/.test(e.message) && /IMAP_USER/.test(e.message) && /IMAP_PASSWORD/.test(e.message),
  );
  assert.throws(() => loadConfig({ MAIL_SOURCE: 'pop3' }), (e: unknown) => e instanceof ConfigError && /MAIL_SOURCE/.test(e.message));
});

test('staging with MAIL_SOURCE=imap needs no MAILBOX_URL; with the catcher it still does', async () => {
  assert.throws(() => loadConfig(staging), (e: unknown) => e instanceof ConfigError && /MAILBOX_URL/.test(e.message));
  const c = loadConfig({ ...staging, MAIL_SOURCE: 'imap', IMAP_HOST: 'imap.staging.example', IMAP_USER: 'suite@staging.example', IMAP_PASSWORD: 'pw-x9' });
  assert.equal(c.env.IMAP_MAILBOX, 'INBOX');
  assert.equal(c.env.IMAP_SECURE, true);
  const source = await createMailSource(c);
  assert.ok(source instanceof ImapMailSource);
  assert.match(String(JSON.stringify(source)), /suite@staging\.example INBOX at imap\.staging\.example:993/);
  assert.ok(!JSON.stringify(source).includes('pw-x9'));
  await source.close();
});
