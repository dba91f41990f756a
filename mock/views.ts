/**
 * Server-side rendering with nunjucks. Autoescape is on, so every value a user typed is
 * escaped on output (catalogue F: "nothing reflected unescaped").
 */
import path from 'node:path';
import nunjucks from 'nunjucks';
import texts from './texts';

const views = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(__dirname, 'views')), {
  autoescape: true,
  throwOnUndefined: false,
});
views.addGlobal('m', texts);

/** Plain-text mails: no HTML escaping, but values never reach headers (nodemailer encodes those). */
const mails = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(__dirname, 'views', 'mail')), {
  autoescape: false,
});
mails.addGlobal('m', texts);

export function renderPage(name: string, context: Record<string, unknown> = {}): string {
  return views.render(name, context);
}

export function renderMail(name: string, context: Record<string, unknown> = {}): string {
  return mails.render(name, context);
}
