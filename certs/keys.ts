/**
 * RSA key pairs. They come from Node's native (OpenSSL) generator because forge's
 * pure-JS RSA keygen takes seconds; forge gets them converted to the PEM forms it reads.
 */
import { createPrivateKey, createPublicKey, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const generateKeyPairAsync = promisify(generateKeyPair);

export interface KeyPairPem {
  /** PKCS#8 "PRIVATE KEY" PEM: accepted by Node TLS, OpenSSL, forge and WebCrypto. */
  privateKeyPem: string;
  publicKeyPem: string;
}

/** Native RSA keygen (~100-200 ms for 2048 bits, runs on the libuv pool so calls overlap). */
export async function generateRsaKeyPair(bits: number): Promise<KeyPairPem> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', {
    modulusLength: bits,
    publicExponent: 0x10001,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** forge only reads RSA keys in PKCS#1/PKCS#8 PEM; normalise whatever the caller gave us. */
export function forgePrivateKey(keyPem: string): forge.pki.rsa.PrivateKey {
  const pkcs8 = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'pem' }).toString();
  return forge.pki.privateKeyFromPem(pkcs8);
}

export function forgePublicKey(publicKeyPem: string): forge.pki.rsa.PublicKey {
  const spki = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'pem' }).toString();
  return forge.pki.publicKeyFromPem(spki);
}
