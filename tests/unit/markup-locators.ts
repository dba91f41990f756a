/**
 * Finds the places where the suite (e2e/, pages/, fixtures/) reaches into markup instead of
 * what a user perceives: test ids, CSS/XPath selectors (ids, classes, attribute selectors),
 * hidden data-* attributes, ids and classes as assertions. Parsed with TypeScript's parser,
 * so a selector built in a variable, a template or a chained call is seen where a grep is not.
 *
 * Allowed: Playwright's role/label/text/placeholder/alt/title locators, `filter({ hasText })`,
 * and assertions on the attributes a user agent acts on (aria-*, type, href, lang, download,
 * autocomplete). The few remaining exceptions are listed with their reason in ALLOWED.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface MarkupFinding {
  file: string;
  line: number;
  what: string;
  code: string;
}

/** Methods that take a CSS/XPath selector. */
const SELECTOR_METHODS = new Set(['locator', '$', '$$', '$eval', '$$eval', 'waitForSelector', 'querySelector', 'querySelectorAll', 'frameLocator', 'dispatchEvent', 'isVisible', 'isHidden', 'click', 'fill', 'check', 'hover', 'textContent', 'innerText', 'innerHTML', 'getAttribute', 'inputValue', 'selectOption', 'press', 'type', 'focus', 'tap', 'setInputFiles']);
/** Methods that name markup directly. */
const FORBIDDEN_METHODS = new Set(['getByTestId', 'toHaveClass', 'toHaveId', 'toHaveCSS']);
/** Attributes a user agent acts on (what a user or assistive technology perceives). */
const PERCEIVED_ATTRIBUTE = /^(aria-[a-z]+|type|href|lang|download|autocomplete|role|disabled|readonly|required)$/;
const ATTRIBUTE_METHODS = new Set(['getAttribute', 'toHaveAttribute']);

/**
 * The reasoned exceptions: file + the exact call text.
 * - `locator('html')` in iss-lang: the document's language (`<html lang>`) is what the
 *   browser, a screen reader and a translator act on; ISS-LANG is about exactly that.
 */
export const ALLOWED: { file: string; code: RegExp; reason: string }[] = [
  { file: 'e2e/issuance/iss-lang.spec.ts', code: /^page\.locator\('html'\)$/, reason: 'the document language a user agent reads (ISS-LANG)' },
];

/** Page objects' methods the scanner would otherwise confuse with Playwright's selector-taking ones. */
function firstArgIsSelector(call: ts.CallExpression, name: string): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  // Locator.click()/fill() etc. take options or values, not selectors: only page./frame. forms take a selector.
  if (!['locator', '$', '$$', '$eval', '$$eval', 'waitForSelector', 'querySelector', 'querySelectorAll', 'frameLocator'].includes(name)) {
    const receiver = callee.expression.getText();
    return /^(page|this\.page|frame|[a-z]*[Pp]age)$/.test(receiver) && call.arguments.length > 0 && isStringish(call.arguments[0]);
  }
  return call.arguments.length > 0;
}

function isStringish(node: ts.Node): boolean {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
}

export function scanSource(file: string, text: string): MarkupFinding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: MarkupFinding[] = [];
  const report = (node: ts.Node, what: string) =>
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, what, code: node.getText().replace(/\s+/g, ' ').slice(0, 160) });
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (FORBIDDEN_METHODS.has(name)) report(node, `${name}() names markup`);
      else if (ATTRIBUTE_METHODS.has(name)) {
        const arg = node.arguments[0];
        if (!arg || !(ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) || !PERCEIVED_ATTRIBUTE.test(arg.text))
          report(node, `${name}() reads an attribute a user does not perceive`);
      } else if (SELECTOR_METHODS.has(name) && firstArgIsSelector(node, name)) report(node, `${name}() takes a CSS/XPath selector`);
    }
    // A selector or data attribute written anywhere (a constant handed to a locator later).
    // (`.class` alone is not looked for here: it cannot be told from a file extension.)
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /\[data-|data-testid|^xpath=|^css=|^#[A-Za-z][\w-]*$/.test(node.text))
      report(node, 'a selector or data attribute in a string');
    ts.forEachChild(node, visit);
  };
  visit(source);
  // One finding per line and kind is enough to point at it.
  return found.filter((f, i) => found.findIndex((g) => g.line === f.line && g.what === f.what) === i);
}

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.[cm]?tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

export function markupFindings(root: string, dirs: string[], allowed = ALLOWED): MarkupFinding[] {
  return dirs
    .flatMap((d) => files(path.join(root, d)))
    .flatMap((file) => scanSource(path.relative(root, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')))
    .filter((f) => !allowed.some((a) => a.file === f.file && a.code.test(f.code)));
}
