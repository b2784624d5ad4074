/**
 * Drops the source indentation inside Lit `html` templates: the spaces and tabs after a line break in a template's
 * static text. In HTML a line break alone is white space as good as a line break and its indentation (the widget
 * has no `white-space: pre` text), and the line count stays, so source maps keep their lines. Only text outside
 * `${…}` is touched; expressions are skipped, strings, comments and nested templates with them (a nested `html`
 * template is stripped too). Plain template literals (messages, file contents) are never touched.
 *
 * Used by rollup.config.mjs on the element's files; tested in test/engine/build-html-indent.test.ts.
 */

/** The tag of a template that starts at `tick` (a backtick): `html` or `svg` right before it. */
const isHtmlTag = (code, tick) => /(?:^|[^\w$.])(?:html|svg)$/.test(code.slice(Math.max(0, tick - 6), tick));

/** Whether a `/` after this code starts a regular expression (not a division): after an operator, or a keyword. */
const startsRegExp = (before) => /(?:^|[(,=:[!&|?{};+\-*%<>~^]|\breturn|\btypeof|\bcase)\s*$/.test(before.slice(-12));

/**
 * @param {string} code TypeScript or JavaScript source
 * @returns {string} the same source, with the indentation after line breaks removed from `html`/`svg` template text
 */
export function stripHtmlIndent(code) {
  let out = '';
  const n = code.length;

  /** Reads a template literal starting at the backtick `at`; returns its end (after the closing backtick). */
  function template(at, strip) {
    out += '`';
    let j = at + 1;
    while (j < n) {
      const c = code[j];
      if (c === '\\') {
        out += code.slice(j, j + 2);
        j += 2;
      } else if (c === '`') {
        out += '`';
        return j + 1;
      } else if (c === '$' && code[j + 1] === '{') {
        out += '${';
        j = expression(j + 2);
      } else if (strip && c === '\n') {
        out += '\n';
        j++;
        while (code[j] === ' ' || code[j] === '\t') j++;
      } else {
        out += c;
        j++;
      }
    }
    throw new Error('html-indent: unterminated template literal');
  }

  /** Copies code up to the `}` closing an expression started after `${` at `at`; returns the index after it. */
  function expression(at) {
    let depth = 0;
    let j = at;
    while (j < n) {
      const c = code[j];
      if (c === '}' && depth === 0) {
        out += '}';
        return j + 1;
      }
      j = token(
        j,
        () => depth++,
        () => depth--,
      );
    }
    throw new Error('html-indent: unterminated template expression');
  }

  /** Copies one token of code at `j` (a string, a comment, a template literal, or a character); returns the next index. */
  function token(j, open = () => {}, close = () => {}) {
    const c = code[j];
    if (c === "'" || c === '"') {
      let k = j + 1;
      while (k < n && code[k] !== c) k += code[k] === '\\' ? 2 : 1;
      out += code.slice(j, k + 1);
      return k + 1;
    }
    if (c === '/' && code[j + 1] === '/') {
      const k = code.indexOf('\n', j);
      const end = k < 0 ? n : k;
      out += code.slice(j, end);
      return end;
    }
    if (c === '/' && code[j + 1] === '*') {
      const k = code.indexOf('*/', j + 2);
      const end = k < 0 ? n : k + 2;
      out += code.slice(j, end);
      return end;
    }
    if (c === '/' && startsRegExp(out)) {
      // A regular expression literal: its quotes, braces and backticks are not code.
      let k = j + 1;
      let inClass = false;
      while (k < n && (inClass || code[k] !== '/')) {
        if (code[k] === '\\') k++;
        else if (code[k] === '[') inClass = true;
        else if (code[k] === ']') inClass = false;
        k++;
      }
      out += code.slice(j, k + 1);
      return k + 1;
    }
    if (c === '`') return template(j, isHtmlTag(code, j));
    if (c === '{') open();
    if (c === '}') close();
    out += c;
    return j + 1;
  }

  // Code outside any template: token by token (strings, comments and regular expressions whole).
  for (let i = 0; i < n;) i = token(i);
  return out;
}
