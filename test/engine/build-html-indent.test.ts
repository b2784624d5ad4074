/**
 * The widget build drops the source indentation inside the element's `html` templates (scripts/html-indent.mjs,
 * wired in rollup.config.mjs). These tests check that only the static text of `html`/`svg` templates changes, that
 * it changes by white space alone, and that no line is added or removed (the source maps keep their lines).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { stripHtmlIndent } from '../../scripts/html-indent.mjs';

const strip = stripHtmlIndent as (code: string) => string;
const root = join(import.meta.dirname, '..', '..');

test('removes the indentation after line breaks in html and svg template text', () => {
  assert.equal(strip('html`<p>\n    text\n  </p>`'), 'html`<p>\ntext\n</p>`');
  assert.equal(strip('svg`<g>\n\t\t<path/>\n</g>`'), 'svg`<g>\n<path/>\n</g>`');
  assert.equal(strip('x = html`a  b`'), 'x = html`a  b`', 'spaces inside a line stay');
});

test('leaves plain templates, strings, comments and regular expressions alone', () => {
  const plain = 'const ics = `BEGIN:VCALENDAR\n SUMMARY:folded line\n  more`;';
  assert.equal(strip(plain), plain);
  const tricky = "const s = 'html`\\n  x'; // html`\n  y\n/* html`\n  z */ const r = /[`{]\\/ {2}/g; const t = tag`\n  w`;";
  assert.equal(strip(tricky), tricky);
});

test('strips nested html templates inside expressions, not the plain ones beside them', () => {
  const code = "html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}</li>`)}\n  ${`keep\n  this`} ${'}'} ${{ a: 1 }.a}\n</ul>`";
  assert.equal(strip(code), "html`<ul>\n${items.map((i) => html`<li>\n${i}</li>`)}\n${`keep\n  this`} ${'}'} ${{ a: 1 }.a}\n</ul>`");
});

test('a member named html is not a tag, an identifier ending in html is not either', () => {
  const code = 'a.html`\n  x`; myhtml`\n  y`;';
  assert.equal(strip(code), code);
});

test("on the element's sources: white space changes only, and the same number of lines", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(join(root, 'src', 'element'));
  let changed = 0;
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const out = strip(code);
    assert.equal(out.split('\n').length, code.split('\n').length, file);
    assert.equal(out.replace(/\s+/g, ''), code.replace(/\s+/g, ''), file);
    if (out !== code) changed++;
  }
  assert.ok(changed >= 5, `templates stripped in ${changed} files`);
});
