// Browser tests: test/element/**/*.test.ts in headless Chromium.
//
// TypeScript (and Lit's experimental decorators, via tsconfig.json) is transpiled on the
// fly by esbuild; nothing is built beforehand. `json: true` makes the dev server serve
// every .json file as an ES module (`export default {...}`), so plain
// `import rules from '../../rules/x.json'` works in the browser exactly as in rollup
// (@rollup/plugin-json) and in Node (tsx).
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  // The Debian /usr/bin/chromium wrapper prints a harmless warning at each launch;
  // the real binary avoids it.
  if (existsSync('/usr/lib/chromium/chromium')) return '/usr/lib/chromium/chromium';
  return '/usr/bin/chromium';
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files: ['test/element/**/*.test.ts'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022' })],
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
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: {
    config: { timeout: 10_000 },
  },
};
