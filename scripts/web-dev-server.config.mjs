// @web/dev-server config for `npm start` (demo). The flags in the npm script
// (--root-dir . --open demo/index.html --node-resolve --port 8000) come on top of this.
// The esbuild plugin lets a demo page import either the built bundle
// (../dist/aide-assistant-medical.js) or the TypeScript sources (../src/index.ts) directly;
// `json: true` serves rules/*.json imports as ES modules, as in the browser tests.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';

/** @type {import('@web/dev-server').DevServerConfig} */
export default {
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  nodeResolve: true,
  watch: false,
  port: 8000,
  open: '/demo/index.html',
  plugins: [
    esbuildPlugin({
      ts: true,
      json: true,
      tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
      // A fixed target: only .ts files are transformed; built files (dist/, node_modules) are served
      // untouched whatever the visitor's user agent ('auto' tried to down-level dist/ for unknown ones).
      target: 'es2022',
    }),
  ],
};
