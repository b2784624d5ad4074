#!/usr/bin/env node
/**
 * `npm run bench:ab -- <A> <B>`: is engine B faster than engine A, and by how much? For a change to the engine.
 *
 *   node bench/ab.mjs <A> <B> [--schemes all|<id>] [--rounds N]
 *     A, B       a built engine (a path to an engine-core.js), or a git revision (HEAD, main~2, a commit), or
 *                `worktree` (the working tree, uncommitted changes included); a revision or the working tree is
 *                built into a temporary folder (its own rollup.config.mjs, dist/engine-core.js only)
 *     --schemes  the default national set (all, the default) or one scheme's id
 *     --rounds   interleaved rounds (default 21)
 *
 * Both engines run in this one process, in interleaved rounds on the engine bench's random profiles: a change of load
 * hits both alike, where two processes drew different JIT and collector decisions and differed by ±10 % with the same
 * code (`interleaved()` of bench/lib/measure.mjs). A third contestant, A again as another module instance (its URL
 * with a query), gives the noise floor of the same run: a ratio B ÷ A inside A′ ÷ A's spread is no change. Figures,
 * never assertions.
 *
 * The three share one heap: an engine that allocates much more than the others (an old revision) charges them with
 * its garbage collection, and A′ ÷ A then strays far from 1; the run says so itself. Measured on this project's
 * engine (2026-12): A′ ÷ A within ±2 % over 21 rounds, where two processes of the same code differed by ±10 %.
 * `AB_KEEP=1` keeps the temporary folder (the engines built) for a look.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AS_OF, randomProfiles } from './engine.mjs';
import { readRules } from './fixtures/assistant-medical.rules.mjs';
import { interleaved } from './lib/measure.mjs';
import { root } from '../scripts/bundle-sizes.mjs';

const usage = 'usage: node bench/ab.mjs <A> <B> [--schemes all|<id>] [--rounds N]  (A, B: an engine-core.js, a git revision, or worktree)';
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const schemes = option('--schemes', 'all');
const rounds = Number(option('--rounds', '21'));
if (args.length !== 2 || !(rounds >= 3)) {
  console.error(usage);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'aam-ab-'));
const say = (s) => process.stderr.write(`bench:ab: ${s}\n`);

/** Builds dist/engine-core.js of a checkout into `out`, with that checkout's own rollup config. */
function buildEngine(dir, out) {
  const script = `
    const { rollup } = await import(${JSON.stringify(pathToFileURL(join(root, 'node_modules/rollup/dist/es/rollup.js')).href)});
    process.chdir(${JSON.stringify(dir)});
    const { default: configs } = await import(${JSON.stringify(pathToFileURL(join(dir, 'rollup.config.mjs')).href)});
    const config = configs.find((c) => c.output.file === 'dist/engine-core.js');
    const bundle = await rollup(config);
    await bundle.write({ ...config.output, file: ${JSON.stringify(out)}, sourcemap: false });
    await bundle.close();`;
  // A file, not `node -e`: terser's workers would inherit an --input-type flag and refuse it.
  const file = join(work, `build-${Date.now()}.mjs`);
  writeFileSync(file, script);
  execFileSync(process.execPath, [file], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** An engine file for a contestant: a path as given, else the working tree or a revision built. */
function engineOf(spec, name) {
  const out = join(work, `${name}.js`);
  if (spec !== 'worktree' && existsSync(spec)) return resolve(spec);
  if (spec === 'worktree') {
    say(`building the working tree as ${name}`);
    buildEngine(root, out);
    return out;
  }
  let commit;
  try {
    commit = execFileSync('git', ['rev-parse', '--verify', '--quiet', `${spec}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`'${spec}' is neither an engine file nor a git revision. ${usage}`);
  }
  const dir = join(work, `tree-${name}`);
  say(`building ${spec} (${commit.slice(0, 7)}) as ${name}`);
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', dir, commit], { cwd: root, stdio: 'inherit' });
  try {
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    buildEngine(dir, out);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'inherit' });
  }
  return out;
}

try {
  const a = pathToFileURL(engineOf(args[0], 'A')).href;
  // A′: A's code again, another module instance (a query makes another URL), so compiled code of its own.
  const urls = { A: a, B: pathToFileURL(engineOf(args[1], 'B')).href, "A'": `${a}?again` };
  const simulate = {};
  for (const [name, url] of Object.entries(urls)) simulate[name] = (await import(url)).simulate;

  const profiles = randomProfiles(500, readRules());
  const options = schemes === 'all' ? { asOf: AS_OF } : { schemes: [schemes], asOf: AS_OF };
  const check = simulate.A(profiles[0], options);
  if (!check.schemes.length) throw new Error(`no scheme '${schemes}' in engine A`);
  const t = interleaved(Object.fromEntries(Object.entries(simulate).map(([name, f]) => [name, (p) => f(p, options)])), profiles, {
    rounds,
    minMs: 40,
  });
  const quartiles = (xs) => `${xs[Math.floor(xs.length / 4)].toFixed(3)}–${xs[Math.floor((3 * xs.length) / 4)].toFixed(3)}`;
  const what = schemes === 'all' ? 'the default national set' : schemes;
  console.log(`simulate(), ${what}, ${profiles.length} random profiles, ${rounds} interleaved rounds (median µs per profile):`);
  for (const n of Object.keys(simulate))
    console.log(
      `  ${n.padEnd(2)} ${t[n].wall.toFixed(2)} µs  ${n === 'A' ? args[0] : n === 'B' ? args[1] : `${args[0]} again (noise floor)`}`,
    );
  const b = t.ratios('B', 'A');
  const noise = t.ratios("A'", 'A');
  console.log(
    `  B ÷ A  ${t.ratio('B', 'A').toFixed(3)} (quartiles ${quartiles(b)}; B faster in ${b.filter((x) => x < 1).length} of ${rounds} rounds)`,
  );
  console.log(`  A′ ÷ A ${t.ratio("A'", 'A').toFixed(3)} (quartiles ${quartiles(noise)}): the same code, for scale`);
} catch (e) {
  console.error(`bench:ab: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  if (!process.env.AB_KEEP) rmSync(work, { recursive: true, force: true });
}
