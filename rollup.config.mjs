// Rollup build: two self-contained ES modules.
//
//   dist/engine.js                 <- src/engine/index.ts  (pure rules engine, no DOM; Node + browsers)
//   dist/aide-assistant-medical.js <- src/index.ts         (the custom element, lit + @lit/localize + zod/mini inlined)
//
// TypeScript is transpiled by esbuild (types are checked and .d.ts emitted by `tsc`, see
// the "build" script). esbuild reads tsconfig.json, so `experimentalDecorators` and
// `useDefineForClassFields: false` are honoured exactly as tsc would (Lit decorators).
// rules/*.json are imported as plain `import x from '../../rules/x.json'` and turned
// into JS by @rollup/plugin-json.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import json from '@rollup/plugin-json';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { DETAIL, ENGLISH, MAIN, patches, QUESTIONS, splitRuleFile } from './scripts/rules-split.mjs';

const production = process.env.ROLLUP_NO_MINIFY !== '1';

/**
 * Rule files are data for people (editor `$schema`, English beside French); bundles keep what the engine
 * reads. `french` drops the English texts (the core engine ships French only). The widget's split build
 * (`split`) serves what its first answer does not need as modules loaded after it (see scripts/rules-split.mjs):
 *   src/engine/rules/english.ts         the English texts, when an instance speaks English;
 *   src/engine/rules/detail.ts          sources, readings, the texts of conditions, notes, objectives: with the detail;
 *   src/engine/rules/question-texts.ts  specialties' labels, départements, regions' texts: with the questions.
 */
function rulesData({ french = false, split = false } = {}) {
  const rulesDir = new URL('./rules/', import.meta.url).pathname;
  const relativeName = (id) => relative(rulesDir, id).split(sep).join('/');
  const virtual = {
    english: ['englishTexts', ENGLISH],
    detail: ['detailTexts', DETAIL],
    'question-texts': ['questionTexts', QUESTIONS],
  };
  return {
    name: 'rules-data',
    load(id) {
      if (!split) return null;
      const m = id.match(/[\\/]src[\\/]engine[\\/]rules[\\/](english|detail|question-texts)\.ts$/);
      if (!m) return null;
      const [name, channel] = virtual[m[1]];
      return `export const ${name} = ${JSON.stringify(patches(rulesDir, channel))};`;
    },
    transform(code, id) {
      if (!/[\\/]rules[\\/].*\.json$/.test(id)) return null;
      return { code: JSON.stringify(splitRuleFile(JSON.parse(code), relativeName(id), { french, split })[MAIN]), map: null };
    },
  };
}

/**
 * Lit's css`` templates ship as written; in *.styles.ts files they are static (no interpolation), so their
 * comments and layout whitespace go. Only spaces that never matter are removed: around { } ; , > and after a
 * colon (a space before a colon is a descendant combinator, and + or - may be calc() operators).
 */
function minifyStyles() {
  const minify = (text) =>
    text
      .replace(/\/\*[^]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'minify-styles',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return { code: code.replace(/css`([^`$]*)`/g, (_, body) => `css\`${minify(body)}\``), map: null };
    },
  };
}

function plugins({ browser, minify = production, french = false, split = false }) {
  return [
    rulesData({ french, split }),
    minify && minifyStyles(),
    nodeResolve({ browser, extensions: ['.mjs', '.js', '.ts', '.json'] }),
    json({ preferConst: true, compact: true }),
    esbuild({
      tsconfig: './tsconfig.json',
      target: 'es2022',
      // Minification is terser's job (better output, 2 passes); esbuild only strips types.
      minify: false,
      sourceMap: true,
    }),
    minify &&
      terser({
        ecma: 2020,
        module: true,
        compress: { passes: 2, module: true, ecma: 2020 },
        mangle: { module: true },
        // Keep /*! ... */ and @license comments (lit's BSD-3-Clause notices), drop the rest.
        format: { comments: 'some', ecma: 2020 },
      }),
    process.env.ROLLUP_MODULES === '1' && {
      name: 'module-sizes',
      generateBundle(_, bundle) {
        for (const chunk of Object.values(bundle))
          if (chunk.type === 'chunk')
            for (const [id, m] of Object.entries(chunk.modules))
              console.log(`${chunk.fileName}\t${m.renderedLength}\t${id.replace(process.cwd(), '')}`);
      },
    },
  ].filter(Boolean);
}

/** Treat warnings that would make a bundle silently incomplete as errors. */
function onwarn(warning, warn) {
  if (warning.code === 'UNRESOLVED_IMPORT' || warning.code === 'MISSING_EXPORT') {
    throw new Error(`[rollup] ${warning.code}: ${warning.message}`);
  }
  // Noise from dependencies: zod 4 has explanatory comments next to /*@__PURE__*/ that
  // rollup reports as INVALID_ANNOTATION (the annotations themselves still work), and
  // libraries may contain harmless circular imports. Our own code still warns.
  const fromDeps = /node_modules/.test(warning.id ?? '') || /node_modules/.test(warning.message);
  if (fromDeps && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(warning.code)) {
    return;
  }
  warn(warning);
}

/** @type {import('rollup').RollupOptions[]} */
const configs = [
  {
    input: 'src/engine/index.ts',
    plugins: plugins({ browser: false }),
    onwarn,
    output: {
      file: 'dist/engine.js',
      format: 'es',
      sourcemap: true,
      inlineDynamicImports: true,
      generatedCode: 'es2015',
    },
  },
  {
    // The engine with its built-in rules, French texts, no rules-pack validation: the lightest entry.
    input: 'src/engine/core.ts',
    plugins: plugins({ browser: false, french: true }),
    onwarn,
    output: {
      file: 'dist/engine-core.js',
      format: 'es',
      sourcemap: true,
      inlineDynamicImports: true,
      generatedCode: 'es2015',
    },
  },
  {
    // The element class without registering the tag: for sites that pick their own tag name.
    input: 'src/element/aide-assistant-medical.ts',
    plugins: plugins({ browser: true }),
    onwarn,
    output: {
      file: 'dist/element.js',
      format: 'es',
      sourcemap: true,
      inlineDynamicImports: true,
      generatedCode: 'es2015',
    },
  },
  {
    // The file a <script type="module"> tag loads, with the chunks it fetches on demand beside it (resolved
    // from its own URL, so a copied dist/ folder or a CDN works as is): the detail after the first answer,
    // English when an instance speaks it, rules-pack validation when rules-src is set.
    input: { 'aide-assistant-medical': 'src/index.ts' },
    plugins: plugins({ browser: true, split: true }),
    // The shared code goes into the entry itself rather than a chunk behind it: one request less before the answer.
    preserveEntrySignatures: 'allow-extension',
    onwarn,
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      generatedCode: 'es2015',
    },
  },
  {
    // Exactly one file, for those who want that: everything inlined (larger before the first answer).
    input: 'src/index.ts',
    plugins: plugins({ browser: true }),
    onwarn,
    output: {
      file: 'dist/aide-assistant-medical.single.js',
      format: 'es',
      sourcemap: true,
      inlineDynamicImports: true,
      generatedCode: 'es2015',
    },
  },
];

// Optional third output: the rules-pack validator CLI (`npx aide-assistant-medical validate …`),
// for Node only, not minified (stack traces stay readable). Point package.json "bin" at
// ./dist/cli.js to ship it.
if (existsSync('src/cli.ts')) {
  configs.push({
    input: 'src/cli.ts',
    plugins: plugins({ browser: false, minify: false }),
    external: (id) => id.startsWith('node:'),
    onwarn,
    output: {
      file: 'dist/cli.js',
      format: 'es',
      sourcemap: true,
      inlineDynamicImports: true,
      generatedCode: 'es2015',
      // The #! line of src/cli.ts is kept by esbuild and rollup.
    },
  });
}

// ROLLUP_ONLY=widget builds only the split widget (faster while measuring sizes).
export default process.env.ROLLUP_ONLY === 'widget' ? configs.filter((c) => c.output.dir === 'dist') : configs;
