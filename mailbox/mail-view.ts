/**
 * The catcher's mail view, for a person clicking through `npm run mock`: `/inbox` lists the
 * caught mails newest first (date, recipients, subject), `/inbox/<id>` shows one mail's text
 * with its http(s) links clickable.
 *
 * Why a page of the catcher's own and not MailDev's UI: the suite depends on this catcher's
 * long-poll API (wait on arrival, `after` an id), which MailDev does not have, so MailDev
 * would be a second SMTP server and a second store beside it (the mock sends to one); its
 * UI would also be a new dependency tree (express, socket.io) listening on all interfaces
 * by default. This page is two routes on the catcher's own loopback-only server, with the
 * libraries already here: postal-mime to read the mails, nunjucks (autoescaped) to write them.
 */
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import nunjucks from 'nunjucks';
import PostalMime from 'postal-mime';
import type { StoredMail } from './server';

const views = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(__dirname, 'views')), { autoescape: true });

/** Newest mails shown on the list; the rest are counted (the catcher keeps up to 10,000). */
const LIST_LIMIT = 200;

export interface BodyPart {
  text: string;
  /** Set only for an http(s) URL: the part is written as a link. */
  href?: string;
}

interface MailView {
  id: number;
  receivedAt: string;
  date: string;
  from: string;
  to: string[];
  subject: string;
  body: BodyPart[];
  htmlOnly: boolean;
}

/**
 * A mail's text cut into plain text and links. Only absolute http/https URLs become links
 * (javascript:, data:, mailto: and anything else stay text); a candidate runs to the first
 * space, quote, angle bracket or non-ASCII character (mail URLs are ASCII; the Japanese text
 * after one is not part of it), loses trailing sentence punctuation, and must parse as a URL.
 */
export function linkParts(text: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let from = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"'`\u0080-\uffff]+/gi)) {
    const href = match[0].replace(/[.,;:!?)\]}]+$/, '');
    if (!isHttpUrl(href)) continue;
    const at = match.index;
    if (at > from) parts.push({ text: text.slice(from, at) });
    parts.push({ text: href, href });
    from = at + href.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}

function isHttpUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

/** Parsed once per mail (the list is reloaded by hand, the mails never change). */
const parsed = new WeakMap<StoredMail, Promise<MailView>>();

function view(mail: StoredMail): Promise<MailView> {
  let found = parsed.get(mail);
  if (!found) {
    found = PostalMime.parse(Buffer.from(mail.raw, 'base64')).then((p) => {
      // A mail with markup only: its source is shown as text, never rendered.
      const text = p.text ?? p.html ?? '';
      return {
        id: mail.id,
        receivedAt: mail.receivedAt,
        date: new Date(mail.receivedAt).toLocaleString('ja-JP'),
        from: p.from?.address ?? mail.from,
        to: mail.to,
        subject: p.subject ?? '',
        body: linkParts(text.replace(/\r\n/g, '\n')),
        htmlOnly: p.text === undefined && p.html !== undefined,
      };
    });
    parsed.set(mail, found);
  }
  return found;
}

function html(reply: FastifyReply, page: string, context: object, status = 200): FastifyReply {
  return (
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      // Defence in depth behind the escaping: no script, frame, form or remote load at all.
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      // The mails carry passwords: not kept in the browser's cache.
      .header('cache-control', 'no-store')
      .send(views.render(page, context))
  );
}

/** Adds `/inbox` and `/inbox/<id>` to the catcher's API server (loopback only, as the API). */
export function registerMailView(api: FastifyInstance, mails: () => readonly StoredMail[]): void {
  api.get<{ Querystring: { to?: string } }>(
    '/inbox',
    {
      schema: {
        querystring: { type: 'object', properties: { to: { type: 'string', maxLength: 320 } }, additionalProperties: false },
      },
    },
    async (req, reply) => {
      const to = req.query.to?.toLowerCase();
      const matching = mails().filter((m) => !to || m.to.includes(to));
      const newest = matching.slice(-LIST_LIMIT).reverse();
      return html(reply, 'inbox.njk', { mails: await Promise.all(newest.map(view)), total: matching.length, shown: newest.length, to });
    },
  );

  api.get<{ Params: { id: number } }>(
    '/inbox/:id',
    { schema: { params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } } },
    async (req, reply) => {
      const mail = mails().find((m) => m.id === req.params.id);
      if (!mail) return html(reply, 'not-found.njk', { back: '../inbox' }, 404);
      return html(reply, 'mail.njk', { mail: await view(mail) });
    },
  );
}
