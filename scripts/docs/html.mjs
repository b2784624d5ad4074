// HTML helpers of the documentation site (scripts/build-docs.mjs): escaping, French number and date
// formats, source links and the "estimation" marker. Every text of the rules goes through esc(): rule
// files are data, never markup.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a text for HTML content and attribute values. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Builds an element: attributes with a null/false value are left out, `true` gives a bare attribute. */
export function h(tag, attrs, ...children) {
  let out = `<${tag}`;
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${esc(v)}"`;
  }
  return `${out}>${children
    .flat(Infinity)
    .filter((c) => c !== null && c !== undefined && c !== false)
    .join('')}</${tag}>`;
}

/** Fragment ids: lower case, anything outside a-z, 0-9, - and _ becomes '-' ('1/2-etp' → '1-2-etp'). */
export function slug(value) {
  // Accents dropped first (changelog headings); rule ids are already plain ASCII.
  return String(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-');
}

const numberFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
/** 38000 → « 38 000 » (narrow no-break space, as the engine writes it). */
export function num(value) {
  return numberFr.format(value);
}
export function euros(value) {
  return `${num(value)}\u00a0€`;
}
/** 0.125 → « 12,5 % ». */
export function percent(value) {
  return `${num(Math.round(value * 100000) / 1000)}\u00a0%`;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** The engine's one date format: « 1ᵉʳ janvier 2026 ». A value that is not an ISO date is shown as it is. */
export function date(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  if (!m) return String(iso);
  const day = +m[3];
  return `${day === 1 ? '1ᵉʳ' : day}\u00a0${MONTHS[+m[2] - 1]} ${+m[1]}`;
}
/** The day after an ISO date (a regime signed until D is closed from D + 1). */
export function nextDay(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Source references as a list of links. A URL links to itself, with its title from rules/sources.json
 * when there is one; a seed file is not public, so it is cited by its title; a pack note is shown as written.
 */
export function sourceList(refs, sources, label = 'Sources') {
  if (!refs?.length) return '';
  const items = refs.map((ref) => h('li', null, sourceItem(ref, sources)));
  return h(
    'div',
    { class: 'sources' },
    h('span', { class: 'sources-label' }, `${esc(refs.length > 1 ? label : label.replace(/s$/, ''))}\u00a0: `),
    h('ul', null, items),
  );
}

export function sourceItem(ref, sources) {
  const known = sources?.[ref];
  if (/^https?:\/\//.test(ref)) {
    return h('a', { href: ref, class: 'ext' }, esc(known?.title ?? ref.replace(/^https?:\/\/(www\.)?/, '')));
  }
  if (ref.startsWith('pack:')) return h('cite', null, esc(ref.slice(5).trim()));
  if (known?.url) return h('a', { href: known.url, class: 'ext' }, esc(known.title));
  return [h('cite', null, esc(known?.title ?? ref)), h('span', { class: 'seed' }, ' (document non public)')].join('');
}

/** The "estimation" marker: the figure is not published as such; `inferred` says why it reads so. */
export function estimate(inferred) {
  if (!inferred) return '';
  return h('p', { class: 'estimate' }, h('strong', { class: 'badge' }, 'Estimation'), ' ', esc(inferred));
}

/** Sources and estimate of a sourced object (a figure, a condition, a note…). */
export function provenance(obj, sources) {
  if (!obj) return '';
  return estimate(obj.inferred) + sourceList(obj.sources, sources);
}

/**
 * A table in a labelled scroll region (a table wider than the screen scrolls inside it, never the page).
 * `head` is an array of column headers; rows are { id, th, cells: [html | { className, html }] }. A cell of
 * class `src` (sources and reading of the row's figure) goes under the row, across the table: one
 * `tbody` per figure then carries the figure's id, so that a deep link lands on the figure and its sources.
 */
export function table({ id, caption, head, rows, className }) {
  const capId = `${id}-caption`;
  const srcCol = head.length - 1;
  const hasSrc = rows.some((r) => r.cells.some((c) => c?.className === 'src'));
  const cols = hasSrc ? head.slice(0, srcCol) : head;
  const thead = h(
    'thead',
    null,
    h(
      'tr',
      null,
      cols.map((c) => h('th', { scope: 'col' }, c)),
    ),
  );
  const cell = (c) => (typeof c === 'object' ? h('td', { class: c.className }, c.html) : h('td', null, c));
  let body;
  if (hasSrc) {
    body = rows
      .map((r) => {
        const src = r.cells.find((c) => c?.className === 'src');
        const thId = `${r.id}-h`;
        return h(
          'tbody',
          { id: r.id, class: ['figure', r.className].filter(Boolean).join(' ') },
          h('tr', null, h('th', { scope: 'row', id: thId }, r.th), r.cells.filter((c) => c !== src).map(cell)),
          src?.html ? h('tr', { class: 'src-row' }, h('td', { colspan: String(cols.length), headers: thId }, src.html)) : '',
        );
      })
      .join('');
  } else {
    body = h(
      'tbody',
      null,
      rows.map((r) => h('tr', { id: r.id, class: r.className }, h('th', { scope: 'row' }, r.th), r.cells.map(cell))),
    );
  }
  return h(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-labelledby': capId, tabindex: '0' },
    h('table', { id, class: className }, h('caption', { id: capId }, caption), thead, body),
  );
}

/** A page: one h1 in `body`, the shared stylesheet through a relative link, no script. */
export function page({ title, root, body, crumbs = [], rulesVersion }) {
  const nav = h(
    'nav',
    { class: 'crumbs', 'aria-label': 'Fil d’Ariane' },
    h('ol', null, [
      h(
        'li',
        null,
        crumbs.length
          ? h('a', { href: `${root}index.html` }, 'Les règles des aides')
          : h('span', { 'aria-current': 'page' }, 'Les règles des aides'),
      ),
      ...crumbs.map((c) =>
        h('li', null, c.href ? h('a', { href: c.href }, esc(c.label)) : h('span', { 'aria-current': 'page' }, esc(c.label))),
      ),
    ]),
  );
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — règles des aides aux médecins</title>
<link rel="stylesheet" href="${esc(root)}style.css">
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header class="site">${nav}</header>
<main id="contenu">
${body}
</main>
<footer class="site"><p>Pages générées depuis les fichiers de règles (version des règles\u00a0: ${esc(date(rulesVersion))}). Simulation indicative\u00a0: seule votre CPAM, ou l’organisme qui signe le contrat, examine votre dossier. ${h('a', { href: `${root}index.html` }, 'Accueil')} · ${h('a', { href: `${root}changelog.html` }, 'Historique des règles')}</p></footer>
</body>
</html>
`;
}
