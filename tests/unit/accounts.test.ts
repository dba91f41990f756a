/** The accounts file: validated, passwords as Secrets; leases never hand one account to two holders. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { AccountsError, leaseAccount, loadAccounts } from '../../fixtures/accounts';
import { Secret } from '../../fixtures/secret';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'accounts-test-'));

test('the commented example is valid; passwords are Secrets; PKCS#12 paths are relative to the file', () => {
  const accounts = loadAccounts(path.join(__dirname, '..', '..', 'accounts.example.json'));
  assert.equal(accounts.certificate.length, 1);
  assert.ok(accounts.certificate[0].password instanceof Secret);
  assert.ok(accounts.certificate[0].pkcs12Password instanceof Secret);
  assert.ok(path.isAbsolute(accounts.certificate[0].pkcs12));
  assert.doesNotMatch(inspect(accounts, { depth: 5 }) + JSON.stringify(accounts), /the login password/);
  assert.deepEqual(accounts.fresh.map((f) => f.kind), ['certificate', 'bulksign']);
});

test('a bad file names the field, never a value', () => {
  const dir = tmp();
  const file = path.join(dir, 'a.json');
  fs.writeFileSync(file, JSON.stringify({ certless: [{ userId: 'U1', email: 'not-an-address', password: 'hunter2' }] }));
  assert.throws(() => loadAccounts(file), (e: Error) => e instanceof AccountsError && /certless\.0\.email/.test(e.message) && !e.message.includes('hunter2'));
});

test('leases: two holders never get one account; release frees it; a used-up fresh account is gone for good', () => {
  const dir = tmp();
  const pool = [{ userId: 'U1' }, { userId: 'U2' }];
  const a = leaseAccount(dir, 'certificate', pool)!;
  const b = leaseAccount(dir, 'certificate', pool)!;
  assert.notEqual(a.account.userId, b.account.userId);
  assert.equal(leaseAccount(dir, 'certificate', pool), undefined);
  a.release();
  assert.equal(leaseAccount(dir, 'certificate', pool)!.account.userId, a.account.userId);

  const fresh = [{ userId: 'F1' }];
  const used = leaseAccount(dir, 'fresh', fresh, { consumed: true })!;
  used.release();
  assert.equal(leaseAccount(dir, 'fresh', fresh), undefined, 'not even a read-only spec gets a used-up account');
  assert.equal(leaseAccount(dir, 'fresh', fresh, { consumed: true }), undefined);
});

test('a lock left by a dead process is taken over', () => {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'certificate-U1.lock'), '999999999');
  assert.equal(leaseAccount(dir, 'certificate', [{ userId: 'U1' }])?.account.userId, 'U1');
});
