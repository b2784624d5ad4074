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

const production = process.env.ROLLUP_NO_MINIFY !== '1';

/** Plugins shared by the bundles; `browser` selects the "browser" export condition. */
/**
 * Rule files are data for people (editor `$schema`, English beside French); bundles keep what the
 * engine reads. `french` also drops the English texts: the core engine ships French only.
 */
function rulesData({ french = false } = {}) {
  const drop = (key) => key === '$schema' || (french && (key === 'en' || key.endsWith('_en')));
  const strip = (node) =>
    Array.isArray(node)
      ? node.map(strip)
      : node && typeof node === 'object'
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([k]) => !drop(k))
              .map(([k, v]) => [k, strip(v)]),
          )
        : node;
  return {
    name: 'rules-data',
    transform(code, id) {
      if (!/[\\/]rules[\\/].*\.json$/.test(id)) return null;
      return { code: JSON.stringify(strip(JSON.parse(code))), map: null };
    },
  };
}

function plugins({ browser, minify = production, french = false }) {
  return [
    rulesData({ french }),
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
    input: 'src/index.ts',
    plugins: plugins({ browser: true }),
    onwarn,
    output: {
      file: 'dist/aide-assistant-medical.js',
      format: 'es',
      sourcemap: true,
      // One file for a <script type="module"> tag: @lit/localize locale modules loaded
      // with import() are inlined too.
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

export default configs;
