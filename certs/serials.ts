/** Certificate serial numbers as uppercase hex, kept valid as positive minimal DER INTEGERs. */
import { randomBytes } from 'node:crypto';

/** Positive 128-bit serial (first byte 0x01..0x7f so the DER INTEGER stays positive and minimal). */
export function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString('hex').toUpperCase();
}

/** Accept "0A:1B", "0a1b", ...; keep the DER INTEGER positive. */
export function normaliseSerialHex(serial: string): string {
  let hex = serial.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  if (hex.length === 0) throw new Error(`Invalid serial number: ${JSON.stringify(serial)}`);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  while (hex.length > 2 && hex.startsWith('00') && parseInt(hex.slice(2, 4), 16) < 0x80) hex = hex.slice(2);
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return hex;
}
