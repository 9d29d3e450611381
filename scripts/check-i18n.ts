/**
 * Catalogue key check, part of `npm run lint` (`tsx scripts/check-i18n.ts`). Fails when
 * - a key of nl.ts is missing in en.ts or the other way round;
 * - code asks for a key the catalogue lacks: the first argument of `t(…)` / `i18n.t(…)` or an
 *   `i18nKey` attribute (both branches of a `?:`); a template there must start with a namespace
 *   and match at least one key;
 * - a catalogue key is never used.
 * A key counts as used when
 * - it is in one of those key positions;
 * - any other string literal equals it (keys held in typed maps, such as the navigation labels, or
 *   carried by an error), unless that literal is an API method name: `'users.activate'` is a method
 *   and also a button label, and only a key position proves the label is shown;
 * - in the renderer, a template literal that starts with `<namespace>.` matches it: t(`roles.${role}`)
 *   uses every key under `roles.`, t(`meldcode.steps.${key}.title`) every `meldcode.steps.*.title`.
 *   Templates elsewhere build other names (`contracts.${careType}` is a statistic) and count only
 *   in a key position.
 * Plural forms (`x_one`, `x_other`) count as the key `x`, as i18next resolves them.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { contract } from '../shared/api/contract';
import { en } from '../renderer/src/i18n/en';
import { nl } from '../renderer/src/i18n/nl';

const root = path.join(__dirname, '..');
const catalogues = new Set(['nl.ts', 'en.ts'].map((name) => path.join(root, 'renderer', 'src', 'i18n', name)));
/** Where keys are used: the UI, and the code whose errors carry a catalogue key. */
const SCANNED = [
  { dir: 'renderer/src', templates: true },
  { dir: 'shared', templates: false },
  { dir: 'electron/backend', templates: false },
];
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

const nlKeys = new Set(leafKeys(nl));
const enKeys = new Set(leafKeys(en));
/** The keys as code writes them: plural forms collapse to their base key. */
const codeKeys = new Set([...nlKeys].map((key) => key.replace(PLURAL_SUFFIX, '')));
const namespaces = new Set(Object.keys(nl));
const methodNames = new Set(Object.keys(contract));

const problems: string[] = [];
for (const key of nlKeys) if (!enKeys.has(key)) problems.push(`en.ts lacks ${key} (present in nl.ts)`);
for (const key of enKeys) if (!nlKeys.has(key)) problems.push(`nl.ts lacks ${key} (present in en.ts)`);

const used = new Set<string>();
const patterns: RegExp[] = [];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A template literal that starts with a namespace, as a pattern over keys; otherwise null. */
function templatePattern(node: ts.TemplateExpression): RegExp | null {
  const head = node.head.text;
  const dot = head.indexOf('.');
  if (dot < 1 || !namespaces.has(head.slice(0, dot))) return null;
  const parts = [escape(head), ...node.templateSpans.map((span) => `.+${escape(span.literal.text)}`)];
  return new RegExp(`^${parts.join('')}$`);
}

/** What a key position can evaluate to (`cond ? 'a' : 'b'`, parentheses, `as`). */
function keyExpressions(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return keyExpressions(node.expression);
  if (ts.isConditionalExpression(node)) return [...keyExpressions(node.whenTrue), ...keyExpressions(node.whenFalse)];
  return [node];
}

function checkKeyPosition(node: ts.Expression, source: ts.SourceFile, where: string) {
  for (const expression of keyExpressions(node)) {
    if (ts.isStringLiteralLike(expression)) {
      if (codeKeys.has(expression.text)) used.add(expression.text);
      else problems.push(`${where}: ${expression.text} is not in the catalogue`);
    } else if (ts.isTemplateExpression(expression)) {
      const pattern = templatePattern(expression);
      if (!pattern) problems.push(`${where}: dynamic key ${expression.getText(source)} must start with a catalogue namespace, e.g. \`roles.\${role}\``);
      else if (![...codeKeys].some((key) => pattern.test(key))) problems.push(`${where}: no catalogue key matches ${expression.getText(source)}`);
      else patterns.push(pattern);
    }
  }
}

const isTranslateCall = (node: ts.CallExpression) =>
  (ts.isIdentifier(node.expression) && node.expression.text === 't') ||
  (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't');

function scan(file: string, templates: boolean) {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, kind);
  const where = (node: ts.Node) => `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node)) {
      if (!methodNames.has(node.text)) used.add(node.text);
    } else if (ts.isTemplateExpression(node)) {
      const pattern = templates ? templatePattern(node) : null;
      if (pattern) patterns.push(pattern);
    } else if (ts.isCallExpression(node) && isTranslateCall(node) && node.arguments[0]) {
      checkKeyPosition(node.arguments[0], source, where(node));
    } else if (ts.isJsxAttribute(node) && ts.isIdentifier(node.name) && node.name.text === 'i18nKey' && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value) checkKeyPosition(value, source, where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

for (const { dir, templates } of SCANNED) {
  for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
    const file = path.join(root, dir, entry);
    if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') && !catalogues.has(file)) scan(file, templates);
  }
}

for (const key of codeKeys) {
  if (!used.has(key) && !patterns.some((pattern) => pattern.test(key))) problems.push(`${key} is never used`);
}

if (problems.length > 0) {
  console.error(`i18n: ${problems.length} catalogue problem(s) (renderer/src/i18n):`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`i18n: ${nlKeys.size} keys, the same in nl.ts and en.ts, all used.`);
