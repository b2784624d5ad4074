// Integration page: builds the widget's attributes from the form, applies them to the live
// preview and writes the snippet to paste. Nothing here is sent anywhere.
import { builtinRules } from '/dist/engine-core.js';

const $ = (id) => document.getElementById(id);
const form = $('settings');
const widget = $('preview-widget');
// The package is not published on a CDN yet: the webmaster hosts the file (dist/aide-assistant-medical.js).
const DEFAULT_SCRIPT = '/assets/aide-assistant-medical.js';
const EXAMPLE_PACK = 'packs/example-pack.json';

// Regions: "follow the doctor's département" first, then every region of the rules.
const regionSelect = $('region');
regionSelect.append(new Option('Selon le département du médecin (sinon France entière)', ''));
for (const region of builtinRules.regions.values()) regionSelect.append(new Option(region.title, region.id));
regionSelect.value = 'occitanie';
$('script-src').value = DEFAULT_SCRIPT;

/** Scheme ids in display order for the selected region (national's set when none). */
function regionSchemes() {
  const region = builtinRules.regions.get(regionSelect.value) ?? builtinRules.regions.get('national');
  const ids = region.schemes.filter((id) => builtinRules.schemes.has(id));
  // Schemes the region does not offer come after, unchecked.
  return { ids, all: [...ids, ...[...builtinRules.schemes.keys()].filter((id) => !ids.includes(id))] };
}

/** Display order chosen on the page, and the ticked schemes; reset when the region changes. */
let order = [];
let ticked = new Set();

function resetSchemes() {
  const { ids, all } = regionSchemes();
  order = all;
  ticked = new Set(ids);
  renderSchemes();
}

function move(id, by, focusClass) {
  const from = order.indexOf(id);
  const to = from + by;
  if (to < 0 || to >= order.length) return;
  order.splice(from, 1);
  order.splice(to, 0, id);
  renderSchemes();
  // Keep the focus on the button that was pressed, now on the moved row.
  const row = $('schemes').querySelector(`li[data-id="${id}"]`);
  const button = row.querySelector(`.${focusClass}`);
  (button.disabled ? row.querySelector('button:not([disabled])') : button).focus();
  update();
}

function renderSchemes() {
  const list = $('schemes');
  list.replaceChildren(
    ...order.map((id, index) => {
      const li = document.createElement('li');
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'scheme';
      box.value = id;
      box.checked = ticked.has(id);
      box.addEventListener('change', () => (box.checked ? ticked.add(id) : ticked.delete(id)));
      const code = document.createElement('code');
      code.textContent = id;
      const title = builtinRules.schemes.get(id).title;
      label.append(box, ' ', title, ' ', code);
      const buttons = document.createElement('span');
      buttons.className = 'order';
      for (const [text, by, name, verb] of [
        ['↑', -1, 'up', 'Monter'],
        ['↓', 1, 'down', 'Descendre'],
      ]) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = name;
        button.textContent = text;
        button.setAttribute('aria-label', `${verb} : ${title}`);
        button.disabled = index + by < 0 || index + by >= order.length;
        button.addEventListener('click', () => move(id, by, name));
        buttons.append(button);
      }
      li.dataset.id = id;
      li.append(label, buttons);
      return li;
    }),
  );
}

/** The attributes the form describes, in a stable order; defaults are left out. */
function attributes() {
  const attrs = [];
  if (regionSelect.value) attrs.push(['region', regionSelect.value]);
  const checked = order.filter((id) => ticked.has(id));
  const { ids } = regionSchemes();
  const same = checked.length === ids.length && checked.every((id, i) => id === ids[i]);
  if (!same && checked.length) attrs.push(['schemes', checked.join(',')]);
  const lang = form.querySelector('input[name=lang]:checked').value;
  if (lang !== 'fr') attrs.push(['lang', lang]);
  if (!$('accent-default').checked) attrs.push(['accent-color', $('accent').value]);
  if ($('theme').value !== 'light') attrs.push(['theme', $('theme').value]);
  if ($('compact').checked) attrs.push(['compact', '']);
  const pack = $('rules-src').value.trim();
  if (pack) attrs.push(['rules-src', pack]);
  return attrs;
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function snippet(attrs) {
  const script = $('script-src').value.trim() || DEFAULT_SCRIPT;
  const list = attrs.map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`)).join('');
  return `<script type="module" src="${escapeHtml(script)}"></script>\n<aide-assistant-medical${list}></aide-assistant-medical>`;
}

const MANAGED = ['region', 'schemes', 'lang', 'accent-color', 'theme', 'compact', 'rules-src'];

function update() {
  const attrs = attributes();
  for (const name of MANAGED) if (!attrs.some(([n]) => n === name)) widget.removeAttribute(name);
  for (const [name, value] of attrs) if (widget.getAttribute(name) !== value) widget.setAttribute(name, value);
  $('snippet').textContent = snippet(attrs);
  $('copy-status').textContent = '';
}

regionSelect.addEventListener('change', () => {
  resetSchemes();
  update();
});
form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());
$('accent').addEventListener('input', () => ($('accent-default').checked = false));
$('use-example').addEventListener('click', () => {
  $('rules-src').value = EXAMPLE_PACK;
  update();
});
$('copy').addEventListener('click', async () => {
  const text = $('snippet').textContent;
  try {
    await navigator.clipboard.writeText(text);
    $('copy-status').textContent = 'Code copié.';
  } catch {
    // No clipboard (insecure page, refused permission): select the code for a manual copy.
    getSelection().selectAllChildren($('snippet'));
    $('copy-status').textContent = 'Copie automatique impossible : le code est sélectionné, copiez-le avec Ctrl+C (⌘C).';
  }
});

resetSchemes();
update();
