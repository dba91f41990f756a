/**
 * A schema per route (issue 13): the shape of every form, query and path parameter of the mock —
 * type, required, length, character class, enum — as JSON Schema, checked by fastify's own ajv
 * before the handler runs, so malformed input never reaches a handler (never counts toward a
 * lock, never uses anything up). Each property carries the service's Japanese messages
 * (mock/texts.ts) in `x-messages`, keyed by the rule that failed; the one error handler of a site
 * (http-hardening.ts) answers with the message of the first failing property, through the
 * route's `invalidInput` page when it has one (the form again, with the message), else the
 * host's error page.
 *
 * Conventions that make the schema mean what a servlet form means: a duplicated form or query
 * field counts with its first value (the parsers, see `firstValues`); a missing field is "" (the
 * `default`), so it gets the same "required" message as an empty one, in the form's order; a
 * value of another type (JSON) is refused as not given. Rules about the service's business — the
 * password and PIN policies, matching confirmations, locks, one-time applications, whether a
 * certification request is one — stay in the handlers.
 */
import { parse as parseQuery } from 'node:querystring';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { input } from './texts';

/** The annotation keyword: rule (ajv keyword) → message, in the order a user fixes them. */
export const MESSAGES = 'x-messages';

/** The ajv keyword of a rule a property can break; `default` answers any other. */
export type Rule = 'required' | 'type' | 'minLength' | 'maxLength' | 'pattern' | 'format' | 'enum' | 'default';
export type Messages = Partial<Record<Rule, string>>;

export interface InputFailure {
  /** The failing property, or null when the whole part (body, query) has the wrong shape. */
  field: string | null;
  message: string;
}

/** What a route answers when its schema refuses the request (its form again, with the message). */
export type InvalidInputPage = (req: FastifyRequest, reply: FastifyReply, failure: InputFailure) => unknown;

declare module 'fastify' {
  interface FastifyContextConfig {
    invalidInput?: InvalidInputPage;
  }
}

/** Registers the annotation keyword with fastify's ajv (ajv's strict mode refuses unknown ones). */
export function messagesKeyword(ajv: { addKeyword(definition: { keyword: string; schemaType: 'object' }): unknown }): void {
  ajv.addKeyword({ keyword: MESSAGES, schemaType: 'object' });
}

/** The ajv options of every site: types as sent (no coercion), the first error only. */
export const siteAjv = { customOptions: { coerceTypes: false, allErrors: false }, onCreate: messagesKeyword };

// ------------------------------------------------------------------ property builders

/** 半角英数字. */
export const HALF_WIDTH_ALNUM = '^[A-Za-z0-9]+$';
/** No control characters (CR/LF, NUL, DEL). */
export const NO_CONTROL = '^[^\\u0000-\\u001f\\u007f]*$';
const MAIL = '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$';

type Property = Record<string, unknown>;

/** A required text field of 半角英数字 up to `max` characters (ID, password, 認証情報). */
export function alnumField(label: string, max: number): Property {
  const required = input.required(label);
  return {
    type: 'string',
    default: '',
    minLength: 1,
    maxLength: max,
    pattern: HALF_WIDTH_ALNUM,
    [MESSAGES]: { type: required, minLength: required, maxLength: input.tooLong(label, max), pattern: input.halfWidthAlnum(label) },
  };
}

/** A required mail address that cannot carry a header injection (no CR/LF, one @, sane length). */
export function mailField(label: string): Property {
  const required = input.required(label);
  return {
    type: 'string',
    default: '',
    minLength: 1,
    maxLength: 254,
    pattern: MAIL,
    [MESSAGES]: { type: required, minLength: required, maxLength: input.tooLong(label, 254), pattern: input.invalidMail },
  };
}

/** A field whose every shape problem gets one message (a link's parameters, a choice, a ticket). */
export function shapedField(shape: Property, message: string, options: { optional?: boolean } = {}): Property {
  return { type: 'string', ...(options.optional ? {} : { default: '' }), ...shape, [MESSAGES]: { default: message } };
}

/** A field the handler judges itself (a policy), only required to be text: "" when missing. */
export function textField(message: string, maxLength?: number): Property {
  return { type: 'string', default: '', ...(maxLength ? { maxLength } : {}), [MESSAGES]: { default: message } };
}

/**
 * An object of fields (a form, a query, a JSON body). A part of another shape (a JSON array, no
 * body at all) is answered like an empty form: the first field's message.
 */
export function fields(properties: Record<string, Property>, options: { whole?: string; extra?: Property } = {}): Property {
  const first = Object.values(properties)[0]?.[MESSAGES] as Messages | undefined;
  const whole = options.whole ?? first?.minLength ?? first?.type ?? first?.default ?? input.badRequest;
  return { type: 'object', properties, ...options.extra, [MESSAGES]: { default: whole } };
}

/** A form the route reads no field of (a button): any form, or none. */
export const NO_FIELDS: Property = { type: ['object', 'null'], [MESSAGES]: { default: input.badRequest } };

/** The schema of a route that reads no input at all (a page, a file, a redirect). */
export const NO_INPUT = {} as const;

/**
 * Makes a route without a schema impossible on a site: registering one fails at build time. A
 * route that reads nothing says so with NO_INPUT; one that takes a body or a path parameter
 * declares it.
 */
export function requireSchemas(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const where = `${String(route.method)} ${route.url}`;
    const schema = route.schema as Record<string, unknown> | undefined;
    if (!schema) throw new Error(`${where}: every route of the mock declares its input schema (mock/input-schema.ts)`);
    const methods = [route.method].flat().map(String);
    if (methods.some((m) => ['POST', 'PUT', 'PATCH'].includes(m)) && !schema.body) throw new Error(`${where}: a body schema is missing`);
    if (route.url.includes(':') && !schema.params) throw new Error(`${where}: a params schema is missing`);
  });
}

// ------------------------------------------------------------------ from ajv's error to the message

interface AjvError {
  instancePath: string;
  keyword: string;
  params?: { missingProperty?: string };
}

const PARTS: Record<string, 'body' | 'querystring' | 'params' | 'headers'> = { body: 'body', querystring: 'querystring', params: 'params', headers: 'headers' };

function messageOf(schema: Property | undefined, keyword: string): string | undefined {
  const messages = schema?.[MESSAGES] as Messages | undefined;
  return messages?.[keyword as Rule] ?? messages?.default;
}

/** The first failing property of a schema-refused request and its message, from the route's schema. */
export function inputFailure(req: FastifyRequest, error: Pick<FastifyError, 'validation' | 'validationContext'>): InputFailure {
  const part = PARTS[error.validationContext ?? 'body'] ?? 'body';
  const root = (req.routeOptions.schema as Record<string, Property | undefined> | undefined)?.[part];
  const first = (error.validation as AjvError[] | undefined)?.[0];
  const properties = root?.properties as Record<string, Property> | undefined;
  if (first) {
    const [, segment] = first.instancePath.split('/');
    const field = segment !== undefined ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : first.params?.missingProperty;
    if (field !== undefined && properties?.[field]) {
      const message = messageOf(properties[field], first.keyword);
      if (message) return { field, message };
    }
  }
  return { field: null, message: messageOf(root, first?.keyword ?? 'default') ?? input.badRequest };
}

/** A value as the handler reads it on a refused request: text or nothing (for showing a form again). */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A field of a part the schema refused (the part may not even be an object). */
export function fieldOf(part: unknown, name: string): string {
  return part && typeof part === 'object' ? asText((part as Record<string, unknown>)[name]) : '';
}

/**
 * Form and query parsing of every site: a duplicated field counts with its first value, as a
 * servlet's getParameter() has it, so schemas and handlers see text only.
 */
export function firstValues(text: string): Record<string, string> {
  const parsed = parseQuery(text);
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(parsed)) {
    const one = Array.isArray(value) ? value[0] : value;
    if (one !== undefined) out[key] = one;
  }
  return out;
}
