/**
 * Catalogue F below the forms: bad input at the HTTP layer, for every host of the service —
 * the request target (malformed percent-encoding, an overlong segment, a URL over 16 KB, raw
 * UTF-8 and quotes), the method, the content type (multipart, XML, malformed JSON), the size
 * (over the body limit), the encoding, duplicated and unknown fields, tampered query values.
 *
 * Each answer is checked as section F says: a clear Japanese message (messages/index.ts: the
 * framework-level texts are a project decision, `input.badRequest` …), no 5xx, nothing the
 * request carried reflected unescaped, `X-Content-Type-Options: nosniff`, and the connection
 * closes in bounded time. Then a normal request to the same host still gets its page (no
 * state change, checked without the admin API).
 */
import fs from 'node:fs';
import type { APIRequest, APIRequestContext, APIResponse } from '@playwright/test';
import { test, expect, type ClientCertificateFixtures } from '../../fixtures';
import { input, issuance } from '../../messages';
import type { Urls } from '../../config/env';
import { rawExchange, type RawAnswer, type RawOptions } from './raw-client';
import { walkToStep2 } from '../../pages/issuance/walk';

/** A marker that must never come back as sent (a reflected request target or field). */
const MARK = 'zqMARK7qz';
const PROBE = `<script>alert("${MARK}")</script>`;
/** The body limit the service states (input.tooLarge): 256 KB. */
const BODY_LIMIT_KB = 256;
const FRAMEWORK = [input.badRequest, input.invalidLink];
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

interface Host {
  name: keyof Urls;
  tags: string;
  /** A page of the host a user reaches from the documents: it must still answer normally afterwards. */
  entry: string;
  /** A form the host takes, for the body cases (hosts without one get the not-found page). */
  form: string;
  clientCertificate: boolean;
}

const HOSTS: Host[] = [
  // A well-formed link that names no application: the page that says so, answered 200.
  { name: 'webra2', tags: '@EG18-1-5', entry: '/scira/Entrance.jsp?p1=a1&p2=b2&p3=c3', form: '/scira/Step1.do', clientCertificate: false },
  { name: 'webra1', tags: '@CERT-CHECK', entry: '/scira/doc/pfm20pub/index.html', form: '/scira/doc/pfm20pub/index.html', clientCertificate: true },
  { name: 'repo1', tags: '@EG25-1-1', entry: '/SC-Root1/SCRoot1ca.cer', form: '/SC-Root1/SCRoot1ca.cer', clientCertificate: false },
  { name: 'ds', tags: '@LOGIN-OK @EG-2-1', entry: '/ebunsho/UrlExclusive.do', form: '/ebunsho/UrlExclusive.do', clientCertificate: true },
  { name: 'dsnc', tags: '@LOGIN-OK @EG-2-2-44', entry: '/ebunsho/UrlExclusive.do', form: '/ebunsho/UrlExclusive.do', clientCertificate: false },
  { name: 'bulksign', tags: '@BS-LOGIN', entry: '/bulksign/', form: '/bulksign/Login.do', clientCertificate: false },
];

/** The checks of section F on one answer; `messages` are the acceptable texts (any of them). */
async function expectRefusal(what: string, res: APIResponse | RawAnswer, messages: readonly string[] | RegExp) {
  const answer: RawAnswer = 'text' in res ? { status: res.status(), body: await res.text(), headers: JSON.stringify(res.headers()).toLowerCase() } : res;
  const { status, body, headers } = answer;
  expect(status, `${what}: status`).toBeGreaterThanOrEqual(400);
  expect(status, `${what}: never a 5xx`).toBeLessThan(500);
  if (messages instanceof RegExp) expect(body, `${what}: a Japanese message`).toMatch(messages);
  else expect(messages.some((m) => body.includes(m)), `${what}: one of ${messages.join(' / ')} in\n${body.slice(0, 300)}`).toBe(true);
  expect(headers, `${what}: nosniff`).toMatch(/x-content-type-options"?:\s*"?nosniff/);
  expect(body, `${what}: the request came back`).not.toContain(MARK);
  expect(body, `${what}: markup came back unescaped`).not.toContain('<script>alert');
}

/** Playwright's client and the raw client's options for `host`, with a minted client certificate where the host asks for one. */
async function clientsFor(host: Host, origin: string, requests: APIRequest, mintCertificate: ClientCertificateFixtures['mintCertificate']) {
  const cert = host.clientCertificate ? await mintCertificate() : undefined;
  const material = cert && 'certPath' in cert ? { cert: fs.readFileSync(cert.certPath), key: fs.readFileSync(cert.keyPath) } : {};
  const request: APIRequestContext = await requests.newContext({
    baseURL: origin,
    clientCertificates: cert && 'certPath' in cert ? [{ origin: new URL(origin).origin, certPath: cert.certPath, keyPath: cert.keyPath }] : [],
  });
  const raw: RawOptions = { ca: process.env.NODE_EXTRA_CA_CERTS ? fs.readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8') : undefined, ...material };
  return { request, raw };
}

const line = (method: string, target: string, version = 'HTTP/1.1') => Buffer.from(`${method} ${target} ${version}\r\nHost: x\r\nConnection: close\r\n\r\n`, 'utf8');

for (const host of HOSTS) {
  test(`${host.name}: bad requests below the forms get the Japanese error page, change nothing and close ${host.tags}`, async ({
    playwright,
    suiteConfig,
    mintCertificate,
  }) => {
    test.skip(suiteConfig.target !== 'mock' && host.clientCertificate, 'a client certificate of the environment is needed (mock: minted)');
    const origin = suiteConfig.urls[host.name]!;
    const { request, raw } = await clientsFor(host, origin, playwright.request, mintCertificate);
    const send = (path: string, options: Parameters<APIRequestContext['fetch']>[1] = {}) =>
      request.fetch(`${origin}${path}`, { maxRedirects: 0, failOnStatusCode: false, ...options });

    await test.step('the request target', async () => {
      await expectRefusal('malformed percent-encoding', await send(`/%zz${MARK}%`), [input.badRequest]);
      await expectRefusal('an overlong segment', await send(`/static/${MARK}${'a'.repeat(400)}`), FRAMEWORK);
      await expectRefusal('a URL over 16 KB', await send(`/?q=${MARK}${'a'.repeat(17 * 1024)}`), [input.badRequest]);
      await expectRefusal('raw UTF-8', await rawExchange(origin, line('GET', `/日本語${MARK}`), raw), FRAMEWORK);
      await expectRefusal('quotes and markup', await rawExchange(origin, line('GET', `/"'>${PROBE}`), raw), FRAMEWORK);
      await expectRefusal('a bad HTTP version', await rawExchange(origin, line('GET', `/${MARK}`, 'HTTP/7.3'), raw), [input.badRequest]);
      await expectRefusal('binary garbage', await rawExchange(origin, Buffer.concat([Buffer.from([0, 1, 2, 0xff]), Buffer.from(`${MARK}\r\n\r\n`)]), raw), [input.badRequest]);
    });

    await test.step('the method', async () => {
      await expectRefusal('an unknown method', await rawExchange(origin, line('BREW', `/${MARK}`), raw), [input.badRequest]);
      await expectRefusal('a method the host does not take', await send(`${host.entry}${host.entry.includes('?') ? '&' : '?'}x=${MARK}`, { method: 'PROPFIND' }), FRAMEWORK);
    });

    await test.step('the content type, size and encoding', async () => {
      // As bytes: Playwright would serialise a string sent as JSON into a valid JSON string.
      const post = (headers: Record<string, string>, data: string) => send(host.form, { method: 'POST', headers, data: Buffer.from(data) });
      await expectRefusal('multipart', await send(host.form, { method: 'POST', multipart: { field: PROBE } }), FRAMEWORK);
      await expectRefusal('XML', await post({ 'content-type': 'application/xml' }, `<x>${PROBE}</x>`), FRAMEWORK);
      await expectRefusal('malformed JSON', await post({ 'content-type': 'application/json' }, `{"field": "${MARK}`), FRAMEWORK);
      await expectRefusal('a body encoding the host does not take', await post({ 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'br' }, `field=${MARK}`), FRAMEWORK);
      const tooLarge = await post({ 'content-type': 'application/x-www-form-urlencoded' }, `field=${'a'.repeat(BODY_LIMIT_KB * 1024 + 1)}`);
      expect(tooLarge.status()).toBe(413);
      await expectRefusal('a body over the limit', tooLarge, [input.tooLarge(BODY_LIMIT_KB)]);
    });

    await test.step('duplicated, unknown and tampered fields', async () => {
      const form = `field=${encodeURIComponent(PROBE)}&field=2&p1=${MARK}&p1=x&userId=${MARK}&userId=${encodeURIComponent(PROBE)}&unknown%00=${MARK}`;
      // A form may show back what was typed (escaped); it must answer in Japanese, below 500.
      const fields = await send(host.form, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: Buffer.from(form) });
      expect(fields.status(), 'duplicated and unknown fields: never a 5xx').toBeLessThan(500);
      expect(fields.headers()['x-content-type-options']).toBe('nosniff');
      const fieldsBody = await fields.text();
      expect(fieldsBody).toMatch(JAPANESE);
      expect(fieldsBody).not.toContain('<script>alert');
      const tampered = await send(`${host.entry}${host.entry.includes('?') ? '&' : '?'}p1=${encodeURIComponent(PROBE)}&p1=&cd=${MARK}%00&t=${encodeURIComponent(`"'><b>${MARK}</b>`)}`);
      expect(tampered.status(), 'tampered query values: never a 5xx').toBeLessThan(500);
      expect(tampered.headers()['x-content-type-options']).toBe('nosniff');
      expect(await tampered.text()).not.toContain(`<b>${MARK}`);
      expect(await tampered.text()).not.toContain('<script>alert');
    });

    await test.step('a normal request still gets the page', async () => {
      const again = await send(host.entry);
      expect(again.status(), `${host.entry} after the bad requests`).toBeLessThan(400);
      expect(again.headers()['x-content-type-options']).toBe('nosniff');
    });
    await request.dispose();
  });
}

/**
 * Finding 1 of issue 12: an empty or null certification request at Step2.do (the page's own
 * enrollment request, its real ticket, with the request swapped) is refused with the service's
 * message, and the one-time application is not used up: the same page then issues normally.
 */
test('webra2: an empty or null certification request is refused and the application stays usable @EG18-1-5 @destructive', async ({ page, onboardingUser: user }) => {
  const step2 = await walkToStep2(page, user.registration.issuanceUrl, user.passwords.issuancePassword);
  for (const csr of ['', null]) {
    await test.step(`csr ${JSON.stringify(csr)}`, async () => {
      await page.route('**/scira/Step2.do', async (route) => {
        const body = route.request().postDataJSON() as Record<string, unknown>;
        await route.continue({ postData: JSON.stringify({ ...body, csr }) });
      });
      const refused = page.waitForResponse((r) => r.url().endsWith('/scira/Step2.do'));
      await step2.issue();
      const res = await refused;
      expect(res.status()).toBe(400);
      expect(res.headers()['x-content-type-options']).toBe('nosniff');
      expect(await res.json()).toEqual({ message: issuance.issueFailed });
      await step2.expectError(issuance.issueFailed);
      await page.unroute('**/scira/Step2.do');
    });
  }
  // Not used up: the real request issues (not 有効な証明書申請はありません。).
  await step2.issue();
  await expect(page.getByRole('heading', { name: issuance.step3Title })).toBeVisible();
});
