/**
 * `npm run mock`: the embedded mock on its own, for a person to click through with a
 * generated certificate, or for Playwright's webServer. `--with-mailbox` also starts the
 * SMTP catcher in this process (Playwright starts it as its own server instead).
 */
import { config } from '../config/env';
import { loadPki } from '../certs/store';
import { buildMailbox } from '../mailbox/server';
import { buildMock, closeMock, listenMock } from './build';
import { parseFaults } from './faults';
import { stopWhenOwnerExits } from '../config/owner';

async function main() {
  if (config.target !== 'mock') throw new Error('TARGET is not "mock": the embedded mock is only for TARGET=mock');
  const withMailbox = process.argv.includes('--with-mailbox');
  const pki = await loadPki({ dir: config.pkiDir });
  const mailbox = withMailbox
    ? buildMailbox({ host: config.mock.host, smtpPort: config.mock.ports.smtp, apiPort: config.mock.ports.mailbox })
    : null;
  await mailbox?.listen();
  const faults = parseFaults(config.env.MOCK_FAULTS);
  if (faults.size > 0) console.log(`MOCK_FAULTS active: ${[...faults].join(', ')}`);
  const mock = buildMock({ pki, urls: config.urls, smtp: { host: config.mock.host, port: config.mock.ports.smtp }, faults });
  await listenMock(mock, config.urls.admin!);

  const u = config.urls;
  console.log(
    [
      'onboarding mock ready',
      `  issuance (webra2)      ${u.webra2}/scira/Entrance.jsp?p1=..&p2=..&p3=..  (URL from the registration mail)`,
      `  check page (webra1)    ${u.webra1}/scira/doc/pfm20pub/index.html  (client certificate)`,
      `  CA repository (repo1)  ${u.repo1}/SC-Root1/SCRoot1ca.cer`,
      `  エコ文書 (ds)          ${u.ds}/ebunsho/UrlExclusive.do  (client certificate)`,
      `  エコ文書 (ds-nc)       ${u.dsnc}/ebunsho/UrlExclusive.do`,
      `  bulk e-signature       ${u.bulksign}/`,
      `  admin API (loopback)   ${u.admin}  e.g. curl -XPOST ${u.admin}/users -H 'content-type: application/json' -d '{}'`,
      `  mailbox                ${u.mailbox}/messages${mailbox ? '' : '  (not started here: run with --with-mailbox)'}`,
      // The catcher's own page (mailbox/mail-view.ts), for a person reading the mails by hand.
      `  mails in a browser     ${u.mailbox}/inbox  (newest first; links clickable)`,
      `  server CA to trust     ${pki.serverCa.certPath}`,
    ].join('\n'),
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Bounded: closing ends every connection (mock/http-hardening.ts), and if anything still
    // hangs, the process exits anyway rather than ignore SIGTERM.
    setTimeout(() => process.exit(1), 5_000).unref();
    await closeMock(mock);
    await mailbox?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  stopWhenOwnerExits(() => void stop());
}

main().catch((err) => {
  console.error(`mock failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
