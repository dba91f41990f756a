/** PINs for the specs: random half-width alphanumerics, held as Secret from the start. */
import crypto from 'node:crypto';
import { Secret } from '../../fixtures';

const ALNUM = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function randomPin(length: number): Secret {
  const chars = Array.from({ length }, () => ALNUM[crypto.randomInt(ALNUM.length)]);
  // At least one letter and one digit, so every PIN is unmistakably alphanumeric.
  chars[0] = 'k';
  if (length > 1) chars[1] = '7';
  return new Secret(chars.join(''), '暗証コード');
}
