/**
 * One Fastify instance per production host the mock stands for. Shared here: form
 * parsing, cookies, static assets, and error handlers that answer in Japanese — bad
 * input gets a clear page, never a stack trace or a JSON 500.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import { renderPage } from './views';
import { installErrorPages, siteServerOptions } from './http-hardening';
import { fields, firstValues, NO_INPUT, requireSchemas, shapedField } from './input-schema';
import { input } from './texts';

export type SiteName = 'webra2' | 'webra1' | 'repo1' | 'ds' | 'dsnc' | 'bulksign';

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  'forge.min.js': { file: require.resolve('node-forge/dist/forge.min.js'), type: 'application/javascript' },
  'site.css': { file: path.join(__dirname, 'static', 'site.css'), type: 'text/css' },
  'step1.js': { file: path.join(__dirname, 'static', 'step1.js'), type: 'application/javascript' },
  'enroll.js': { file: path.join(__dirname, 'static', 'enroll.js'), type: 'application/javascript' },
  'paste-guard.js': { file: path.join(__dirname, 'static', 'paste-guard.js'), type: 'application/javascript' },
};

export function sendPage(reply: FastifyReply, view: string, context: Record<string, unknown> = {}, status = 200) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .type('text/html; charset=utf-8')
    .send(renderPage(view, context));
}

export function createSite(
  name: SiteName,
  https: Record<string, unknown> | null,
  staticPrefix: string,
): FastifyInstance {
  // Bounds (body, headers, timeouts) and framework-level answers: mock/http-hardening.ts.
  const app = Fastify(siteServerOptions(https)) as unknown as FastifyInstance;
  requireSchemas(app);
  app.register(formbody, { parser: firstValues });
  app.register(cookie);
  app.decorate('siteName', name);

  const serveStatic = async (req: { params: unknown }, reply: FastifyReply) => {
    const entry = STATIC_FILES[(req.params as { file: string }).file];
    if (!entry || !fs.existsSync(entry.file)) return reply.callNotFound();
    return reply.type(entry.type).header('cache-control', 'no-cache').send(fs.readFileSync(entry.file));
  };
  // A file the site does not serve is not found (the same page as any unknown path).
  const staticRoute = {
    schema: { params: fields({ file: shapedField({ enum: Object.keys(STATIC_FILES) }, input.invalidLink) }) },
    config: { invalidInput: (_req: unknown, reply: FastifyReply) => reply.callNotFound() },
  };
  app.get('/static/:file', staticRoute, serveStatic);
  if (staticPrefix) app.get(`${staticPrefix}/static/:file`, staticRoute, serveStatic);
  app.get('/health', { schema: NO_INPUT }, async () => ({ ok: true, site: name }));

  installErrorPages(app);
  return app;
}
