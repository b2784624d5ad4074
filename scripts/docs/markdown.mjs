// A small Markdown-to-HTML for rules/CHANGELOG.md: headings, paragraphs, lists (with nesting), fenced code,
// tables, inline code, bold, links and bare URLs. Everything is escaped first; `link(href)` decides where a
// link goes (null: the link text only, e.g. a repository file the site does not publish).
import { esc, h, slug } from './html.mjs';

const INLINE = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|(https?:\/\/[^\s<>()]+[^\s<>().,;:])/g;

export function inline(text, link) {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out += esc(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      // A rule file named in code (`schemes/caim.json`) links to its page when the site has one.
      const href = /^[\w./-]+\.(json|md)$/.test(m[1]) ? link(m[1]) : null;
      out += href ? h('a', { href }, h('code', null, esc(m[1]))) : h('code', null, esc(m[1]));
    } else if (m[2] !== undefined) {
      const href = link(m[3]);
      out += href
        ? h(
            'a',
            { href },
            inline(m[2], () => null),
          )
        : inline(m[2], () => null);
    } else if (m[4] !== undefined) out += h('strong', null, inline(m[4], link));
    else out += h('a', { href: m[5], class: 'ext' }, esc(m[5]));
  }
  return out + esc(text.slice(last));
}

function cells(line) {
  const s = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return s.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/**
 * Renders `md`. Options: `link(href)` → href or null; `shift` added to heading levels (capped at 6);
 * `idPrefix` for heading ids; `captionFallback` for tables that follow no heading.
 */
export function markdown(md, { link = (href) => (/^(https?:|#)/.test(href) ? href : null), shift = 0, idPrefix = '' } = {}) {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const out = [];
  let heading = '';
  let i = 0;
  const usedIds = new Set();
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = /^```(\w*)/.exec(line);
    if (fence) {
      const body = [];
      i++;
      while (i < lines.length && !/^```/.test(lines[i])) body.push(lines[i++]);
      i++;
      out.push(h('pre', null, h('code', null, esc(body.join('\n')))));
      continue;
    }
    const hm = /^(#{1,6})\s+(.*)$/.exec(line);
    if (hm) {
      const level = Math.min(6, hm[1].length + shift);
      heading = hm[2].replace(/`/g, '');
      let id = `${idPrefix}${slug(heading).replace(/-+/g, '-').replace(/^-|-$/g, '')}`;
      while (usedIds.has(id)) id += '-';
      usedIds.add(id);
      out.push(h(`h${level}`, { id }, inline(hm[2], link)));
      i++;
      continue;
    }
    if (/^\s*\|/.test(line) && i + 1 < lines.length && /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(lines[i + 1])) {
      const head = cells(line);
      const align = cells(lines[i + 1]).map((c) => (/^:-+:$/.test(c) ? 'center' : /-:$/.test(c) ? 'right' : null));
      i += 2;
      const rows = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(cells(lines[i++]));
      const cls = (j) => (align[j] ? `align-${align[j]}` : null);
      const table = h(
        'table',
        { class: 'md' },
        h('caption', null, inline(heading || 'Tableau', link)),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            head.map((c, j) => h('th', { scope: 'col', class: cls(j) }, inline(c, link))),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((r) =>
            h(
              'tr',
              null,
              r.map((c, j) =>
                j === 0 && c ? h('th', { scope: 'row', class: cls(j) }, inline(c, link)) : h('td', { class: cls(j) }, inline(c, link)),
              ),
            ),
          ),
        ),
      );
      out.push(
        h(
          'div',
          {
            class: 'table-wrap',
            role: 'region',
            'aria-label': `Tableau\u00a0: ${heading.replace(/[*_]/g, '') || 'sans titre'}`,
            tabindex: '0',
          },
          table,
        ),
      );
      continue;
    }
    if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      out.push(list(lines, i, link, (next) => (i = next)));
      continue;
    }
    const para = [];
    while (i < lines.length && lines[i].trim() && !/^(#{1,6}\s|```|\s*\||\s*([-*]|\d+\.)\s+)/.test(lines[i])) para.push(lines[i++].trim());
    out.push(h('p', null, inline(para.join(' '), link)));
  }
  return out.join('\n');
}

/** A list starting at lines[start]; items indented deeper than the marker nest. */
function list(lines, start, link, done) {
  const indent = /^(\s*)/.exec(lines[start])[1].length;
  const ordered = /^\s*\d+\./.test(lines[start]);
  const items = [];
  let i = start;
  while (i < lines.length) {
    const m = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(lines[i]);
    if (!m || m[1].length !== indent) break;
    const text = [m[3]];
    let nested = '';
    i++;
    while (i < lines.length && lines[i].trim()) {
      const sub = /^(\s*)([-*]|\d+\.)\s+/.exec(lines[i]);
      if (sub && sub[1].length > indent) {
        nested += list(lines, i, link, (next) => (i = next));
        continue;
      }
      if (sub || !/^\s+/.test(lines[i])) break;
      text.push(lines[i++].trim());
    }
    items.push(h('li', null, inline(text.join(' '), link), nested));
  }
  done(i);
  return h(ordered ? 'ol' : 'ul', null, items);
}
