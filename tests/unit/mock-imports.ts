/**
 * Finds every module reference of the suite's own code (e2e/, pages/, fixtures/) that
 * resolves into mock/ — directly or through any file of the repository they import.
 *
 * Parsed with TypeScript's own parser and resolved with its own module resolution (the
 * repository's tsconfig), so `import type`, `export … from`, `import x = require()`,
 * `require()`, `import()` and `typeof import()` all count, and a path written any way
 * (`../mock/x`, `../fixtures/../mock/x`, a directory index) is caught where a grep is not.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ModuleReference {
  /** The file that holds the reference, relative to the root. */
  file: string;
  line: number;
  specifier: string;
  /** The file it resolves to, relative to the root (or the unresolved path for a relative specifier). */
  target: string;
  /** The chain of suite files that led to `file` (empty for a direct reference). */
  via: string[];
}

/** Every module specifier in a source file, with its line. */
export function moduleSpecifiers(fileName: string, text: string): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) {
      found.push({ specifier: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      // require('x'), require.resolve('x'), module.require('x')
      const isRequire =
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) &&
          ((ts.isIdentifier(callee.expression) && callee.expression.text === 'require') ||
            (ts.isIdentifier(callee.expression) && callee.expression.text === 'module' && callee.name.text === 'require')));
      if (isDynamicImport || isRequire) add(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.json');
  if (!fs.existsSync(configPath)) return { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 };
  const read = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, root).options;
}

/** Every source file (TypeScript or JavaScript, no declarations) under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(c|m)?[jt]sx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * References into `forbidden` (default mock/) from the files under `dirs`, following the
 * repository's own modules transitively (node_modules are not followed).
 */
export function referencesInto(root: string, dirs: string[], forbidden = 'mock'): ModuleReference[] {
  const options = compilerOptions(root);
  const forbiddenDir = path.join(root, forbidden) + path.sep;
  const inside = (file: string) => path.resolve(file).startsWith(forbiddenDir);
  const rel = (file: string) => path.relative(root, file);
  const hits: ModuleReference[] = [];
  const seen = new Set<string>();
  const queue: { file: string; via: string[] }[] = dirs.flatMap((d) => sourceFiles(path.join(root, d))).map((file) => ({ file, via: [] }));
  while (queue.length > 0) {
    const { file, via } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { specifier, line } of moduleSpecifiers(file, fs.readFileSync(file, 'utf8'))) {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
      // An unresolvable relative path still names a place: judge it by that.
      const target = resolved?.resolvedFileName ?? (specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : undefined);
      if (!target) continue;
      if (inside(target)) {
        hits.push({ file: rel(file), line, specifier, target: rel(target), via });
      } else if (resolved && !resolved.isExternalLibraryImport && path.resolve(target).startsWith(root + path.sep) && !target.endsWith('.d.ts')) {
        queue.push({ file: path.resolve(target), via: [...via, rel(file)] });
      }
    }
  }
  return hits;
}

export function describeReference(r: ModuleReference): string {
  return `${r.file}:${r.line} imports "${r.specifier}" → ${r.target}${r.via.length ? ` (reached from ${r.via.join(' → ')})` : ''}`;
}
