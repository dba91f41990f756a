/**
 * "Wake me when this user's clock reaches T". The documents' waits (the signing
 * certificate's preparation) run on the user's mock clock; a page that waits for one
 * (BS10 2-c) is answered the moment the admin API moves that clock, or when real time
 * gets there for a person clicking through the mock — never by polling.
 */
import { EventEmitter } from 'node:events';
import type { User } from './state';

const changes = new EventEmitter();
changes.setMaxListeners(0);

/** Called by the admin API after it moved a user's clock. */
export function clockChanged(userId: string): void {
  changes.emit(userId);
}

/**
 * Resolves true once `user.clock` reaches `atMs`, or false after `holdMs` of real time or
 * when `abort` fires (the client went away).
 */
export function untilClock(user: User, atMs: number, holdMs: number, abort?: AbortSignal): Promise<boolean> {
  if (user.clock.nowMs() >= atMs) return Promise.resolve(true);
  return new Promise((resolve) => {
    const check = () => {
      if (user.clock.nowMs() >= atMs) finish(true);
    };
    // For a person using the mock with a running clock: real time gets there too.
    const realTime = setTimeout(check, Math.min(holdMs, Math.max(0, atMs - user.clock.nowMs())));
    const hold = setTimeout(() => finish(user.clock.nowMs() >= atMs), holdMs);
    const onAbort = () => finish(false);
    const finish = (value: boolean) => {
      clearTimeout(realTime);
      clearTimeout(hold);
      changes.off(user.userId, check);
      abort?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    changes.on(user.userId, check);
    abort?.addEventListener('abort', onAbort);
  });
}
