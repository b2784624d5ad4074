// Browser tests: test/element/**/*.test.ts in headless Chromium.
//
// TypeScript (and Lit's experimental decorators, via tsconfig.json) is transpiled on the
// fly by esbuild; nothing is built beforehand. `json: true` makes the dev server serve
// every .json file as an ES module (`export default {...}`), so plain
// `import rules from '../../rules/x.json'` works in the browser exactly as in rollup
// (@rollup/plugin-json) and in Node (tsx).
import { existsSync, readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  // The Debian /usr/bin/chromium wrapper prints a harmless warning at each launch;
  // the real binary avoids it.
  if (existsSync('/usr/lib/chromium/chromium')) return '/usr/lib/chromium/chromium';
  return '/usr/bin/chromium';
}

/**
 * Runs in the test page before anything else. @web/dev-server-core 0.7 sends test results
 * to the runner through `structuredClone`, which throws a DataCloneError when a failed
 * assertion carries a DOM node, a function or the window as `actual`/`expected` (e.g.
 * `expect(el).to.not.exist`). The runner then never hears back and reports only "Browser
 * tests did not finish within …ms", hiding the real failure (modernweb-dev/web#2967, #2802,
 * #2772; not fixed in 0.7.5). This retries the clone with such values replaced by readable
 * strings (an element by the start of its outerHTML), so the failure is reported normally.
 */
function safeStructuredClone() {
  const nativeClone = globalThis.structuredClone;
  const MAX = 300;
  const describe = (node) =>
    node instanceof Element ? node.outerHTML.slice(0, MAX) + (node.outerHTML.length > MAX ? '…' : '') : `[${node.nodeName}]`;
  function sanitize(value, seen) {
    if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
    if (typeof value === 'symbol') return value.toString();
    if (value === null || typeof value !== 'object') return value;
    if (typeof Node !== 'undefined' && value instanceof Node) return describe(value);
    if (value === globalThis || (typeof Window !== 'undefined' && value instanceof Window)) return '[Window]';
    if (seen.has(value)) return seen.get(value);
    if (value instanceof Date || value instanceof RegExp) return value;
    if (value instanceof Map || value instanceof Set) return sanitize([...value], seen);
    if (Array.isArray(value)) {
      const out = [];
      seen.set(value, out);
      for (const item of value) out.push(sanitize(item, seen));
      return out;
    }
    const out = {};
    seen.set(value, out);
    if (value instanceof Error) Object.assign(out, { name: value.name, message: value.message, stack: value.stack });
    for (const key of Object.keys(value)) {
      try {
        out[key] = sanitize(value[key], seen);
      } catch {
        out[key] = '[unreadable]';
      }
    }
    return out;
  }
  globalThis.structuredClone = function structuredClone(value, options) {
    try {
      return nativeClone.call(globalThis, value, options);
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'DataCloneError')) throw error;
      return nativeClone.call(globalThis, sanitize(value, new WeakMap()), options);
    }
  };
}

/**
 * Test-only routes of the dev server, for what a static file cannot show the widget: a pack that is
 * slow, redirected, or served with odd headers, and pages under a Content-Security-Policy header.
 *
 *   POST /__test/stash            keeps the request body; answers its id
 *   GET  /__test/stash/<id>       serves it: ?type=<Content-Type> (default application/json),
 *                                 ?status=<code>, ?hold (waits until POST /__test/release/<id>)
 *   POST /__test/release/<id>     lets a held response go
 *   GET  /__test/redirect?to=<p>  302 to the same-origin path <p>
 *   GET  <anything>?csp=<policy>  with that Content-Security-Policy header (a page stashed as text/html too)
 *
 * "?hold" lets a test see the widget while a pack is still on its way, without guessing a delay.
 */
function testRoutes() {
  const stash = new Map();
  const held = new Map();
  let next = 0;
  const readBody = (req) =>
    new Promise((resolve, reject) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  return async (ctx, nextMiddleware) => {
    if (typeof ctx.query.csp === 'string') ctx.set('Content-Security-Policy', ctx.query.csp);
    const [, route, id] = ctx.path.match(/^\/__test\/(stash|release|redirect)(?:\/(\d+))?$/) ?? [];
    if (route === 'stash' && ctx.method === 'POST') {
      stash.set(String(++next), await readBody(ctx.req));
      ctx.body = String(next);
    } else if (route === 'stash' && stash.has(id)) {
      // Held until released, or 20 s at most (a failed test must not keep the connection forever).
      if ('hold' in ctx.query) await new Promise((release) => held.set(id, release) && setTimeout(release, 20_000));
      ctx.status = Number(ctx.query.status ?? 200);
      ctx.set('Content-Type', String(ctx.query.type ?? 'application/json'));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = stash.get(id);
    } else if (route === 'release' && ctx.method === 'POST') {
      held.get(id)?.();
      ctx.body = held.delete(id) ? 'released' : 'not held';
    } else if (route === 'redirect' && /^\/[^/\\]/.test(String(ctx.query.to))) {
      ctx.redirect(String(ctx.query.to));
    } else if (route) {
      ctx.status = 404;
    } else {
      await nextMiddleware();
    }
  };
}

/**
 * React in the browser tests (test/element/react.test.ts). React ships CommonJS only, which the dev server cannot
 * serve as modules: esbuild bundles React and react-dom/client once into one module (one React instance), served
 * at /__test/react.js with React's names as named exports; `react` imports (src/react.ts) resolve to it.
 */
function reactForTests() {
  const path = '/__test/react.js';
  let bundle;
  return {
    name: 'react-for-tests',
    resolveImport({ source }) {
      if (source === 'react') return path;
    },
    async serve(context) {
      if (context.path !== path) return;
      bundle ??= (async () => {
        const { build } = await import('esbuild');
        // React's names, read from its production file (requiring React here would run it in the runner's process).
        const source = readFileSync(new URL('./node_modules/react/cjs/react.production.js', import.meta.url), 'utf8');
        const names = [...new Set([...source.matchAll(/exports\.([A-Za-z_$][\w$]*)\s*=/g)].map((m) => m[1]))];
        const contents =
          `import React from 'react'; import { createRoot } from 'react-dom/client'; import { flushSync } from 'react-dom';\n` +
          `export default React; export { createRoot, flushSync };\n` +
          `export const { ${names.join(', ')} } = React;\n`;
        const out = await build({
          stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
          bundle: true,
          format: 'esm',
          write: false,
          logLevel: 'silent',
          define: { 'process.env.NODE_ENV': '"development"' },
        });
        return out.outputFiles[0].text;
      })();
      return { body: await bundle, type: 'js' };
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files: ['test/element/**/*.test.ts'],
  nodeResolve: true,
  middleware: [testRoutes()],
  plugins: [reactForTests(), esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      },
    }),
  ],
  // Lit runs in dev mode in tests (more checks); its one-line notice is noise.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].includes('Lit is in dev mode')),
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head><script>(${safeStructuredClone.toString()})();</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: {
    config: { timeout: 10_000 },
  },
};
