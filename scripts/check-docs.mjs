#!/usr/bin/env node
// Keeps the documentation honest about what exists (run by `npm run lint`):
//   - every attribute, property, event, CSS part and CSS custom property of the element
//     (custom-elements.json) is documented in README.md, and vscode.html-custom-data.json matches it;
//   - every `npm run <script>` the docs mention exists in package.json;
//   - every relative link of the docs points to a file or folder that exists.
//
//   node scripts/check-docs.mjs
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = ['README.md', 'ARCHITECTURE.md', 'CHANGELOG.md', 'SECURITY.md', 'rules/README.md', 'rules/CHANGELOG.md'].filter((f) =>
  existsSync(resolve(root, f)),
);
const read = (file) => readFileSync(resolve(root, file), 'utf8');
const problems = [];

// 1. The element's public surface is in the README.
const readme = read('README.md');
const manifest = JSON.parse(read('custom-elements.json'));
for (const mod of manifest.modules ?? []) {
  for (const decl of mod.declarations ?? []) {
    if (!decl.customElement) continue;
    const publicMembers = (decl.members ?? []).filter(
      (m) => (m.kind === 'field' || m.kind === 'method') && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_'),
    );
    const names = [
      ...(decl.attributes ?? []).map((a) => ['attribute', a.name]),
      ...publicMembers.filter((m) => !m.attribute).map((m) => ['property', m.name]),
      ...(decl.events ?? []).map((e) => ['event', e.name]),
      ...(decl.cssParts ?? []).map((p) => ['CSS part', p.name]),
      ...(decl.cssProperties ?? []).map((p) => ['CSS property', p.name]),
    ];
    for (const [kind, name] of names) {
      if (!readme.includes('`' + name)) problems.push(`README.md does not document the ${kind} \`${name}\` of <${decl.tagName}>`);
    }
  }
}

// 1b. The VS Code data generated from the manifest is not stale (same tags, same attributes).
if (existsSync(resolve(root, 'vscode.html-custom-data.json'))) {
  const data = JSON.parse(read('vscode.html-custom-data.json'));
  const signature = (tags) => JSON.stringify(tags.map(([tag, attrs]) => [tag, [...attrs].sort()]).sort());
  const fromManifest = (manifest.modules ?? []).flatMap((mod) =>
    (mod.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => [d.tagName, (d.attributes ?? []).map((a) => a.name)]),
  );
  const fromData = (data.tags ?? []).map((t) => [t.name, (t.attributes ?? []).map((a) => a.name)]);
  if (signature(fromManifest) !== signature(fromData)) {
    problems.push('vscode.html-custom-data.json is stale: run `npm run vscode-data`');
  }
}

// 2. Scripts the docs mention exist.
const scripts = JSON.parse(read('package.json')).scripts ?? {};
for (const file of DOCS) {
  for (const [, name] of read(file).matchAll(/npm run ([\w:.-]+)/g)) {
    if (!(name in scripts)) problems.push(`${file} mentions \`npm run ${name}\`, which package.json does not define`);
  }
}

// 3. Relative links resolve.
for (const file of DOCS) {
  for (const [, target] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^(https?:|mailto:|#)/.test(target)) continue;
    const path = resolve(root, dirname(file), target.split('#')[0]);
    if (!existsSync(path)) problems.push(`${file} links to ${target}, which does not exist`);
  }
}

if (problems.length) {
  console.error(`check-docs: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(`check-docs: ${DOCS.join(', ')} agree with custom-elements.json, package.json and the tree.`);
