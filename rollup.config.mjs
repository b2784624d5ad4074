// Rollup builds.
//
// The npm package (what `import … from 'aide-assistant-medical…'` gets), readable ES modules with bare imports of
// their dependencies, so that an application bundles one Lit, one zod, one React:
//   dist/npm/index.js        <- src/index.ts                       the element, defined on import (guarded)
//   dist/npm/element.js      <- src/element/aide-assistant-medical.ts  the class, no tag registered
//   dist/npm/engine.js       <- src/engine/index.ts                the engine with rules packs (no DOM)
//   dist/npm/engine-core.js  <- src/engine/core.ts                 the engine, built-in rules only
//   dist/npm/react.js        <- src/react.ts                       the React component (@lit/react)
//   dist/npm/cli.js          <- src/cli.ts                         the rules-pack validator (the package's bin)
//   dist/npm/chunks/         shared code, and the element's lazy chunks (questions, detail, English, packs, tools)
//
// The CDN files, for a <script type="module"> tag (Lit, zod and the rules inside, minified):
//   dist/aide-assistant-medical.js         <- src/index.ts  the split widget, its lazy chunks in dist/chunks/
//   dist/aide-assistant-medical.single.js  <- src/index.ts  the same in one file
//
// Measured, not shipped (the size check's ceilings, the bench, the demo's integration page): dist/engine.js and
// dist/engine-core.js, the engine entries minified with zod inlined, as a browser would load them alone.
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
import { relative, sep } from 'node:path';
import { DETAIL, ENGLISH, MAIN, patches, QUESTIONS, splitRuleFile } from './scripts/rules-split.mjs';
import { stripHtmlIndent } from './scripts/html-indent.mjs';

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

/** The element's `html` templates without their source indentation (scripts/html-indent.mjs). */
function htmlIndent() {
  return {
    name: 'html-indent',
    transform(code, id) {
      if (!/[\\/]src[\\/]element[\\/].*\.ts$/.test(id) || !/\bhtml`/.test(code)) return null;
      // Line breaks stay: the lines of the source map are unchanged.
      return { code: stripHtmlIndent(code), map: null };
    },
  };
}

function plugins({ browser, minify = production, french = false, split = false }) {
  return [
    rulesData({ french, split }),
    minify && minifyStyles(),
    minify && htmlIndent(),
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

/**
 * V8's explicit compile hint (Chrome 136+; other engines read a comment): every function of the entry chunk is compiled
 * while the file streams in, off the main thread, instead of on first call on it. The entry holds what the first
 * answer runs and little else, so nearly all of it runs at once anyway; measured in headless Chromium, the first
 * answer comes 14 to 21 ms sooner at 1× CPU and about 70 ms sooner at 4× (bench/pages/widget.html, 15 loads each).
 * Added after minification (terser keeps license comments only); the source map gets one empty line in front.
 */
function compileHint() {
  const hint = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'compile-hint',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.isEntry) {
          chunk.code = hint + chunk.code;
          if (chunk.map) chunk.map.mappings = ';' + chunk.map.mappings;
        }
    },
  };
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
    // The file a <script type="module"> tag loads, with the chunks it fetches on demand beside it (resolved
    // from its own URL, so a copied dist/ folder or a CDN works as is): the detail after the first answer,
    // English when an instance speaks it, rules-pack validation when rules-src is set.
    input: { 'aide-assistant-medical': 'src/index.ts' },
    plugins: [...plugins({ browser: true, split: true }), production && compileHint()].filter(Boolean),
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
    // The hint too (A/B as for the entry: the first answer 8 ms sooner at 1×, about 20 ms at 4×).
    plugins: [...plugins({ browser: true }), production && compileHint()].filter(Boolean),
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

/** Dependencies the npm build leaves as bare imports (dependencies and peer dependencies of the package). */
const NPM_EXTERNAL = /^(lit|lit-html|lit-element|@lit\/[^/]+|zod|react|react-dom)(\/.*)?$/;

// The npm package: entries share their code through chunks; the element's lazy chunks stay lazy. Rule files are
// whole (no split: an application's bundler decides what to load when); minified (the tarball stays under
// 400 KB), no source maps.
configs.push({
  input: {
    index: 'src/index.ts',
    element: 'src/element/aide-assistant-medical.ts',
    engine: 'src/engine/index.ts',
    'engine-core': 'src/engine/core.ts',
    react: 'src/react.ts',
    cli: 'src/cli.ts',
  },
  plugins: plugins({ browser: true }),
  external: (id) => NPM_EXTERNAL.test(id) || id.startsWith('node:'),
  onwarn,
  output: {
    dir: 'dist/npm',
    format: 'es',
    sourcemap: false,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    generatedCode: 'es2015',
    // The #! line of src/cli.ts is kept by esbuild and rollup.
  },
});

// ROLLUP_ONLY=widget builds only the split widget (faster while measuring sizes), ROLLUP_ONLY=npm only dist/npm/.
const only = { widget: 'dist', npm: 'dist/npm' }[process.env.ROLLUP_ONLY ?? ''];
export default only ? configs.filter((c) => c.output.dir === only) : configs;
