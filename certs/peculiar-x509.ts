/**
 * @peculiar/x509 ready for use on Node, set up in one place: its tsyringe
 * container needs reflect-metadata loaded first, and it signs and verifies
 * through a WebCrypto provider, here Node's own.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Node's webcrypto is structurally the DOM Crypto @peculiar/x509 is typed against.
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
