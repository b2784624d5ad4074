/**
 * The element's interface texts, read from its source: every `msg()` names its id (the widget's lookup is by
 * id only, see controllers/locale.ts), no id is used for two different texts, no `html` template is localized,
 * and every id has its English in src/locales/en.ts.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

interface Call {
  where: string;
  id?: string;
  text: string;
  html: boolean;
}

function msgCalls(file: string): Call[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const calls: Call[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg') {
      const [template, options] = node.arguments;
      let id: string | undefined;
      if (options && ts.isObjectLiteralExpression(options))
        for (const p of options.properties)
          if (ts.isPropertyAssignment(p) && p.name.getText(sf) === 'id' && ts.isStringLiteralLike(p.initializer)) id = p.initializer.text;
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      calls.push({
        where: `${file.slice(root.length + 1)}:${line}`,
        id,
        text: template.getText(sf),
        html: ts.isTaggedTemplateExpression(template) && template.tag.getText(sf) === 'html',
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return calls;
}

const calls = sources(join(root, 'src', 'element')).flatMap(msgCalls);

test('the element has interface texts to check', () => {
  assert.ok(calls.length > 100, `only ${calls.length} msg() calls found`);
});

test('every msg() names its id, and no html template is localized', () => {
  assert.deepEqual(
    calls.filter((c) => !c.id).map((c) => c.where),
    [],
    'msg() without a literal id',
  );
  assert.deepEqual(
    calls.filter((c) => c.html).map((c) => c.where),
    [],
    'msg(html`…`)',
  );
});

test('an id is never used for two different texts', () => {
  const byId = new Map<string, Call>();
  const clashes: string[] = [];
  for (const c of calls) {
    const seen = c.id && byId.get(c.id);
    if (seen && seen.text !== c.text) clashes.push(`${c.id}: ${seen.where} and ${c.where}`);
    else if (c.id) byId.set(c.id, c);
  }
  assert.deepEqual(clashes, []);
});

test('every id has its English', () => {
  const en = readFileSync(join(root, 'src', 'locales', 'en.ts'), 'utf8');
  const missing = [...new Set(calls.map((c) => c.id))].filter((id) => id && !en.includes(`'${id}':`));
  assert.deepEqual(missing, [], 'ids without English in src/locales/en.ts (npx lit-localize extract, translate, build)');
});
