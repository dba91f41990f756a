/**
 * Preload (`node --import tsx --import ./config/resolve-preload.ts …`, or in NODE_OPTIONS of
 * Playwright's workers): makes `dns.lookup` and `dns.promises.lookup` answer the names that
 * RESOLVE pins, and only those. net/tls/http/fetch read `dns.lookup` at connect time, so
 * every client in the process follows. Nothing changes when RESOLVE is empty.
 */
import { installResolve } from './resolve-install';

installResolve(process.env.RESOLVE);
