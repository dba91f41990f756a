/** The double's host names: one per production host, under `.test` (RFC 2606: never a real name). */
import type { SiteName } from '../mock/site';

export const DOUBLE_DOMAIN = 'double.test';

export const DOUBLE_HOSTS: Record<SiteName, string> = {
  webra2: `webra2.${DOUBLE_DOMAIN}`,
  webra1: `webra1.${DOUBLE_DOMAIN}`,
  repo1: `repo1.${DOUBLE_DOMAIN}`,
  ds: `ds.${DOUBLE_DOMAIN}`,
  dsnc: `ds-nc.${DOUBLE_DOMAIN}`,
  bulksign: `bulksign.${DOUBLE_DOMAIN}`,
};

/** Where the mails of the double's users go (plus-addresses of one IMAP mailbox). */
export const MAIL_DOMAIN = `mail.${DOUBLE_DOMAIN}`;
