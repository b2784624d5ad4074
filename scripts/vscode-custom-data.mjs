#!/usr/bin/env node
// Generates VS Code's HTML custom data (https://github.com/microsoft/vscode-custom-data) from the
// custom elements manifest, so that editors complete <aide-assistant-medical> and its attributes.
//
//   node --import tsx scripts/vscode-custom-data.mjs [custom-elements.json] [vscode.html-custom-data.json]
//   npm run vscode-data          (runs `npm run analyze` first)
//
// Attribute values come from the manifest (string-literal unions, booleans) and, for the
// attributes whose values are rule ids (region, specialty, schemes, lang), from the engine's
// own lists, so that the completion follows the rules/ files. A site enables it with
//   "html.customData": ["./node_modules/aide-assistant-medical/vscode.html-custom-data.json"]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(root, process.argv[2] ?? 'custom-elements.json');
const output = resolve(root, process.argv[3] ?? 'vscode.html-custom-data.json');

const manifest = JSON.parse(readFileSync(input, 'utf8'));

/** Values the engine knows, when it can be loaded (needs tsx for the TypeScript sources). */
async function engineValues() {
  try {
    const engine = await import('../src/engine/index.ts');
    return {
      region: engine.regionIds.map((id) => ({ name: id })),
      specialty: engine.specialties.map((s) => ({ name: s.id, description: s.label })),
      schemes: engine.schemeIds.map((id) => ({ name: id, description: 'Comma-separated list: ' + id + ',…' })),
    };
  } catch (error) {
    console.warn(`vscode-custom-data: engine not loaded (${error.message}); region/specialty values omitted.`);
    return {};
  }
}

/** `'a' | 'b'` → [{ name: 'a' }, { name: 'b' }]; anything else → undefined. */
function literalValues(typeText) {
  if (!typeText) return undefined;
  const parts = typeText.split('|').map((p) => p.trim());
  if (!parts.every((p) => /^(['"]).*\1$/.test(p))) return undefined;
  return parts.map((p) => ({ name: p.slice(1, -1) }));
}

/** Markdown list of a manifest section, e.g. the element's events or CSS parts. */
function section(title, items, name = (i) => i.name) {
  if (!items?.length) return '';
  return `\n\n**${title}**\n` + items.map((i) => `- \`${name(i)}\`${i.description ? `: ${i.description}` : ''}`).join('\n');
}

const known = await engineValues();
// Documented in the element's JSDoc, typed as plain strings there.
const fixedValues = { lang: [{ name: 'fr' }, { name: 'en' }], theme: [{ name: 'light' }, { name: 'dark' }, { name: 'auto' }] };

const tags = [];
for (const mod of manifest.modules ?? []) {
  for (const decl of mod.declarations ?? []) {
    if (!decl.customElement || !decl.tagName) continue;
    const description =
      (decl.summary ?? decl.description ?? '').replace(/\s*\n\s*/g, ' ').trim() +
      section('Events', decl.events) +
      section('Slots', decl.slots, (s) => s.name || '(default)') +
      section('CSS parts', decl.cssParts, (p) => `::part(${p.name})`) +
      section('CSS custom properties', decl.cssProperties, (p) => (p.default ? `${p.name} (default ${p.default})` : p.name));
    const attributes = (decl.attributes ?? []).map((a) => {
      const attribute = { name: a.name, description: a.description ?? '' };
      if (a.default && a.default !== "''") attribute.description += ` Default: ${a.default}.`;
      if (a.type?.text === 'boolean') attribute.valueSet = 'v';
      const values = literalValues(a.type?.text) ?? fixedValues[a.name] ?? known[a.name];
      if (values) attribute.values = values;
      return attribute;
    });
    tags.push({ name: decl.tagName, description: { kind: 'markdown', value: description }, attributes });
  }
}

if (!tags.length) {
  console.error(`vscode-custom-data: no custom element with a tag name in ${input}`);
  process.exit(1);
}
writeFileSync(
  output,
  JSON.stringify(
    {
      $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
      version: 1.1,
      tags,
    },
    null,
    2,
  ) + '\n',
);
console.log(
  `vscode-custom-data: ${tags.map((t) => `<${t.name}> (${t.attributes.length} attributes)`).join(', ')} → ${output.slice(root.length + 1)}`,
);
