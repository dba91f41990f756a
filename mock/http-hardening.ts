/**
 * Every answer below the application, for every host of the mock (issue 12, findings 2 and 3):
 * what fastify and Node's HTTP parser answer on their own — 404, a malformed percent-encoding,
 * an overlong URL or segment, a wrong content type, malformed JSON, a body over the limit, a
 * bad request line or HTTP version, a timeout — is the service's Japanese error page, rendered
 * by nunjucks (autoescape), with `nosniff`, never echoing the request target; and every
 * connection is bounded in time and size and closes.
 *
 * One place holds the limits, so a page that states a limit states the real one.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { input } from './texts';
import { firstValues, inputFailure, siteAjv } from './input-schema';

const httpErrors = {
  title: input.errorTitle,
  notFoundTitle: input.notFoundTitle,
  notFound: input.invalidLink,
  badRequest: input.badRequest,
  tooLarge: input.tooLarge,
  timeout: input.requestTimeout,
  internal: input.serverError,
} as const;
import { renderPage } from './views';

export const LIMITS = {
  /** Request body: generous for a 10,000-character field, small enough to refuse abuse. */
  bodyBytes: 256 * 1024,
  /** Request line plus headers (Node's parser answers 431 past it). */
  headerBytes: 16 * 1024,
  /** One path parameter. */
  paramChars: 256,
  /** Headers must be complete within this after the connection opened or the last request. */
  headersTimeoutMs: 15_000,
  /** A whole request (above the bulk e-signature's 20 s status hold). */
  requestTimeoutMs: 45_000,
  /** An idle keep-alive connection. */
  keepAliveTimeoutMs: 5_000,
  /** A connection with no traffic at all. */
  idleTimeoutMs: 60_000,
  /** A TLS handshake. */
  handshakeTimeoutMs: 10_000,
  /** After our side has ended a connection, how long the client has to end its side. */
  closeGraceMs: 2_000,
  /** How often Node checks the request and headers timeouts. */
  checkIntervalMs: 1_000,
} as const;

const bodyLimitKb = LIMITS.bodyBytes / 1024;

/** Node HTTP server options (https.createServer takes them too): parser and timeout bounds. */
export const httpServerLimits = {
  maxHeaderSize: LIMITS.headerBytes,
  headersTimeout: LIMITS.headersTimeoutMs,
  requestTimeout: LIMITS.requestTimeoutMs,
  keepAliveTimeout: LIMITS.keepAliveTimeoutMs,
  connectionsCheckingInterval: LIMITS.checkIntervalMs,
  // Reject a request line or header Node would otherwise accept leniently.
  insecureHTTPParser: false,
} as const;

/** The fastify options that bound every site, and its framework-level answers. */
export function siteServerOptions(https: Record<string, unknown> | null): FastifyServerOptions & { https?: unknown } {
  return {
    logger: false,
    ...(https ? { https: { ...https, ...httpServerLimits, handshakeTimeout: LIMITS.handshakeTimeoutMs } } : { http: { ...httpServerLimits } }),
    bodyLimit: LIMITS.bodyBytes,
    routerOptions: { maxParamLength: LIMITS.paramChars, querystringParser: firstValues },
    // Every route's input is checked by its schema (mock/input-schema.ts), types as sent.
    ajv: siteAjv,
    requestTimeout: LIMITS.requestTimeoutMs,
    keepAliveTimeout: LIMITS.keepAliveTimeoutMs,
    connectionTimeout: LIMITS.idleTimeoutMs,
    // close() ends every open connection (long polls and keep-alives included): SIGTERM is prompt.
    forceCloseConnections: true,
    return503OnClosing: true,
    frameworkErrors: (error: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
      void sendErrorPage(reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400, httpErrors.badRequest);
    },
    clientErrorHandler: onClientError,
  };
}

export function errorPageHtml(message: string, title: string = httpErrors.title): string {
  return renderPage('error.njk', { title, message });
}

/** The error page as a reply; the connection closes after it (the rest of a refused body is never read). */
export function sendErrorPage(reply: FastifyReply, status: number, message: string, title?: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('connection', 'close')
    .type('text/html; charset=utf-8')
    .send(errorPageHtml(message, title));
}

/** What an error thrown below a route (parser, schema, content type) means to the user. */
export function pageForError(error: { statusCode?: number; code?: string; validation?: unknown }): { status: number; message: string } {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 413) return { status, message: httpErrors.tooLarge(bodyLimitKb) };
  if (status === 408) return { status, message: httpErrors.timeout };
  if (status === 404) return { status, message: httpErrors.notFound };
  if (status === 500) return { status, message: httpErrors.internal };
  if (status === 415) return { status, message: httpErrors.badRequest };
  return { status: 400, message: httpErrors.badRequest };
}

/** Not-found and error handlers of a site: the Japanese page for everything. */
export function installErrorPages(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    // Every answer, whatever route made it: no content sniffing.
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
  app.addHook('onRequest', async (req) => {
    // No host of the service takes a compressed body: refused, not parsed as if it were plain.
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && String(encoding).trim().toLowerCase() !== 'identity')
      throw Object.assign(new Error('unsupported content-encoding'), { statusCode: 415 });
  });
  app.setNotFoundHandler((_req, reply) => sendErrorPage(reply, 404, httpErrors.notFound, httpErrors.notFoundTitle));
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error.validation) return answerInvalidInput(error, req, reply);
    const { status, message } = pageForError(error);
    if (status >= 500) req.log.error(error);
    return sendErrorPage(reply, status, message);
  });
}

/**
 * A request its route's schema refused (before the handler: nothing counted, nothing changed):
 * the route's own page with the first failing property's message, or the host's error page.
 */
export function answerInvalidInput(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const failure = inputFailure(req, error);
  const page = req.routeOptions.config.invalidInput;
  return page ? page(req, reply, failure) : sendErrorPage(reply, 400, failure.message);
}

/**
 * Node's HTTP parser refused the bytes (bad request line, HTTP version, header overflow) or a
 * request timed out: answer with the page, end our side, and destroy the socket if the client
 * has not ended its side shortly after.
 */
export function onClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let message: string = httpErrors.badRequest;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') [status, message] = [408, httpErrors.timeout];
  else if (error.code === 'HPE_HEADER_OVERFLOW') [status, message] = [431, httpErrors.badRequest];
  if (socket.writable && !(socket as { _httpMessage?: unknown })._httpMessage) {
    const body = Buffer.from(errorPageHtml(message));
    socket.end(
      Buffer.concat([
        Buffer.from(
          `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
            'Content-Type: text/html; charset=utf-8\r\n' +
            `Content-Length: ${body.length}\r\n` +
            'Cache-Control: no-store\r\n' +
            'X-Content-Type-Options: nosniff\r\n' +
            'Connection: close\r\n\r\n',
        ),
        body,
      ]),
    );
  } else {
    socket.end();
  }
  closeWithin(socket, LIMITS.closeGraceMs);
}

/** After our side ended: drain what the client still sends, and destroy it if it never ends. */
export function closeWithin(socket: Duplex & { setTimeout?: (ms: number, cb: () => void) => unknown }, ms: number): void {
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), ms);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
