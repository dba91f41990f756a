/**
 * What the suite expects of a mail beyond the query that found it (subject and recipient):
 * who sent it. Subject and recipient are how Mailbox.waitFor selects a mail, so asserting them
 * again cannot fail; the sender can.
 */

/** BS10 1-1: 「【@pa.e-kakushin.com】」 — the bulk e-signature system's mail comes from that domain. */
export const BULK_SIGN_SENDER = /@pa\.e-kakushin\.com$/;

/**
 * DECISION: no document shows the エコ文書 mails' sender address; they come from the service's
 * own domain, the one of its hosts (ds.e-kakushin.com, webra2…): any address @*.e-kakushin.com.
 */
export const EBUNSHO_SENDER = /@(?:[a-z0-9-]+\.)*e-kakushin\.com$/;
