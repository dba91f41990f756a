/**
 * The catcher's mail view (`npm run mock` → <mailbox>/inbox): real SMTP into the catcher,
 * then the page a person opens — newest first, http(s) links clickable and nothing else,
 * every header and body escaped (a <script> in a subject is text, markup in a mail is text).
 *
 * Run: flock /tmp/pw.lock node --import tsx --test tests/unit/mail-view.test.ts
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { buildMailbox } from '../../mailbox/server';
import { linkParts } from '../../mailbox/mail-view';

const box = buildMailbox({ host: '127.0.0.1', smtpPort: 0, apiPort: 0 });
let transport: ReturnType<typeof nodemailer.createTransport>;
let base: string;

before(async () => {
  await box.listen();
  transport = nodemailer.createTransport({ host: '127.0.0.1', port: box.smtpPort, secure: false, ignoreTLS: true });
  base = `http://127.0.0.1:${(box.api.server.address() as AddressInfo).port}`;
});

after(async () => {
  transport.close();
  await box.close();
});

const FROM = 'no-reply@ds.e-kakushin.com';
const get = async (path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', csp: res.headers.get('content-security-policy') ?? '', html: await res.text() };
};

test('the list shows the caught mails newest first; each opens its text with its http link clickable and a <script> subject escaped', async () => {
  await transport.sendMail({
    from: FROM,
    to: 'first@onboarding.test',
    subject: '【あんしんエコ文書】ご登録のお知らせ',
    text: '発行サイト\nhttps://127.0.0.1:24400/scira/Entrance.jsp?p1=1&p2=ab&p3=cd\nご確認ください。',
  });
  await transport.sendMail({
    from: FROM,
    to: 'second@onboarding.test',
    subject: '<script>alert(1)</script> second',
    text: 'ログイン: http://ds.example.test/ebunsho/UrlExclusive.do。次へ\njavascript:alert(2) <b>bold</b> mailto:a@b.test',
  });

  const list = await get('/inbox');
  assert.equal(list.status, 200);
  assert.match(list.type, /^text\/html/);
  assert.match(list.csp, /default-src 'none'/, 'no script may run on the page at all');
  const second = list.html.indexOf('second@onboarding.test');
  const first = list.html.indexOf('first@onboarding.test');
  assert.ok(second > 0 && first > 0 && second < first, 'newest first');
  assert.ok(list.html.includes('&lt;script&gt;alert(1)&lt;/script&gt; second'), 'the subject is shown, escaped');
  assert.ok(!list.html.includes('<script>'), 'no script element');
  const ids = [...list.html.matchAll(/href="inbox\/(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'ids descending');

  const mail1 = await get(`/inbox/${ids[1]}`);
  assert.ok(
    mail1.html.includes('<a href="https://127.0.0.1:24400/scira/Entrance.jsp?p1=1&amp;p2=ab&amp;p3=cd">https://127.0.0.1:24400/scira/Entrance.jsp?p1=1&amp;p2=ab&amp;p3=cd</a>'),
    'the issuance URL is a link',
  );
  const mail2 = await get(`/inbox/${ids[0]}`);
  assert.ok(mail2.html.includes('<a href="http://ds.example.test/ebunsho/UrlExclusive.do">http://ds.example.test/ebunsho/UrlExclusive.do</a>。次へ'), 'http link, Japanese punctuation after it is not part of it');
  assert.ok(mail2.html.includes('javascript:alert(2) &lt;b&gt;bold&lt;/b&gt; mailto:a@b.test'), 'other schemes and markup are text');
  assert.equal([...mail2.html.matchAll(/<a href="/g)].length, 2, 'only the list link and the http link are links');
  assert.ok(!mail2.html.includes('<script>') && !mail2.html.includes('<b>'));
});

test('a mail with HTML only shows its source as text, never rendered', async () => {
  await transport.sendMail({ from: FROM, to: 'html@onboarding.test', subject: 'html only', html: '<p onclick="x()">hello <a href="https://a.test/">link</a></p>' });
  const list = await get('/inbox?to=HTML@onboarding.test');
  const id = /href="inbox\/(\d+)"/.exec(list.html)?.[1];
  assert.ok(id, 'filtered by recipient, case-insensitive');
  assert.ok(!list.html.includes('first@onboarding.test'), 'only that recipient');
  const page = await get(`/inbox/${id}`);
  assert.ok(page.html.includes('&lt;p onclick=&quot;x()&quot;&gt;hello'), 'the markup is text');
  assert.ok(!page.html.includes('<p onclick'));
});

test('an unknown mail is a 404 page, a bad id a 400', async () => {
  assert.equal((await get('/inbox/999999')).status, 404);
  assert.equal((await get('/inbox/abc')).status, 400);
});

test('linkParts: only absolute http(s) URLs become links; trailing punctuation stays text', () => {
  assert.deepEqual(linkParts('see https://a.test/x?y=1&z=2. and (http://b.test/p) or ftp://c.test javascript:alert(1) http:// HTTPS://D.test/'), [
    { text: 'see ' },
    { text: 'https://a.test/x?y=1&z=2', href: 'https://a.test/x?y=1&z=2' },
    { text: '. and (' },
    { text: 'http://b.test/p', href: 'http://b.test/p' },
    { text: ') or ftp://c.test javascript:alert(1) http:// ' },
    { text: 'HTTPS://D.test/', href: 'HTTPS://D.test/' },
  ]);
  assert.deepEqual(linkParts('https://a.test/"><script>'), [{ text: 'https://a.test/', href: 'https://a.test/' }, { text: '"><script>' }]);
  assert.deepEqual(linkParts(''), []);
});
