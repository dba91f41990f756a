/**
 * RESOLVE (config/resolve.ts): parsing, exact-over-wildcard, the Chromium flag, and the Node
 * preload that makes dns.lookup / dns.promises.lookup / fetch's connect answer the pinned
 * names only.
 *
 * Run: node --import tsx --test tests/unit/resolve.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromiumResolveArgs, parseResolve, resolveHost, ResolveError, RESOLVE_PRELOAD } from '../../config/resolve';
import { loadConfig } from '../../config/env';

test('parses name=address lists, wildcards included; exact names win', () => {
  const rules = parseResolve('webra2.double.test=127.0.0.2, *.double.test=127.0.0.1,v6.test=::1');
  assert.equal(resolveHost(rules, 'webra2.double.test'), '127.0.0.2');
  assert.equal(resolveHost(rules, 'DS.double.test.'), '127.0.0.1');
  assert.equal(resolveHost(rules, 'double.test'), undefined);
  assert.equal(resolveHost(rules, 'webra2.secomtrust.net'), undefined);
  assert.equal(resolveHost(rules, 'v6.test'), '::1');
  assert.deepEqual(parseResolve(''), []);
});

test('refuses what is not name=address, naming the entry', () => {
  assert.throws(() => parseResolve('webra2.double.test'), ResolveError);
  assert.throws(() => parseResolve('a.test=not-an-ip'), /"not-an-ip" is not an IP address/);
  assert.throws(() => parseResolve('bad host=127.0.0.1'), /not name=address/);
  assert.throws(() => loadConfig({ RESOLVE: 'x.test=999.1.1.1' }), /RESOLVE: .*is not an IP address/);
});

test('Chromium gets one --host-resolver-rules flag, none without rules', () => {
  assert.deepEqual(chromiumResolveArgs(parseResolve('*.double.test=127.0.0.1,h.test=::1')), ['--host-resolver-rules=MAP *.double.test 127.0.0.1, MAP h.test [::1]']);
  assert.deepEqual(chromiumResolveArgs([]), []);
});

test('the preload pins dns.lookup, dns.promises.lookup and fetch for those names only', () => {
  const script = `
    const dns = require('node:dns');
    const http = require('node:http');
    const out = {};
    dns.lookup('webra2.double.test', (e, a, f) => {
      out.cb = [a, f];
      dns.lookup('ds.double.test', { all: true }, (e2, all) => {
        out.all = all;
        dns.promises.lookup('repo1.double.test').then(async (r) => {
          out.promise = r;
          const server = http.createServer((q, s) => s.end('ok ' + q.headers.host)).listen(0, '127.0.0.1', async () => {
            const port = server.address().port;
            out.fetch = await (await fetch('http://bulksign.double.test:' + port + '/')).text();
            server.close();
            dns.lookup('localhost', (e3, a3) => { out.other = !!a3; console.log(JSON.stringify(out)); });
          });
        });
      });
    });`;
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--import', RESOLVE_PRELOAD, '-e', script], {
    env: { ...process.env, RESOLVE: '*.double.test=127.0.0.1' },
    cwd: path.resolve(__dirname, '../..'),
    encoding: 'utf8',
  });
  const out = JSON.parse(stdout.trim().split('\n').pop()!) as { cb: unknown; all: unknown; promise: unknown; fetch: string; other: boolean };
  assert.deepEqual(out.cb, ['127.0.0.1', 4]);
  assert.deepEqual(out.all, [{ address: '127.0.0.1', family: 4 }]);
  assert.deepEqual(out.promise, { address: '127.0.0.1', family: 4 });
  assert.match(out.fetch, /^ok bulksign\.double\.test:\d+$/);
  assert.equal(out.other, true, 'other names still go to the system resolver');
});
