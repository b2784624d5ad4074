/**
 * Bytes: the widget's split build read by scripts/bundle-sizes.mjs (the size check's own code), and the bare-Lit
 * floor, bundled here with the widget's rollup plugins and terser settings (rollup.config.mjs).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { FIRST_ANSWER_AIM, FIRST_ANSWER_BAR, kb, sizesOf, widgetBuild } from '../scripts/bundle-sizes.mjs';

/** The bare-Lit element built like the widget: raw, gzip -9, brotli. */
export async function bareLitFloor() {
  const { default: configs } = await import('../rollup.config.mjs');
  const widget = configs.find((c) => c.output.dir === 'dist');
  const bundle = await rollup({
    input: fileURLToPath(new URL('./fixtures/bare-lit.ts', import.meta.url)),
    plugins: widget.plugins,
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es', generatedCode: 'es2015', sourcemap: false });
  await bundle.close();
  const code = output[0].code;
  // A copy to read (.txt: ESLint and Prettier, which check bench/, leave it alone).
  mkdirSync(new URL('./.out/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./.out/bare-lit.js.txt', import.meta.url), code);
  return sizesOf(code);
}

const triple = (s) => `${kb(s.gzip)} gzip · ${kb(s.brotli)} brotli · ${kb(s.raw)} raw`;
const short = (file) => file.replace(/^dist\//, '');

/** @returns {Promise<{ rows: object[], widget: ReturnType<typeof widgetBuild>, floor: object }>} */
export async function bytesBench() {
  const widget = widgetBuild();
  const floor = await bareLitFloor();
  const fa = widget.firstAnswer;
  const rows = [
    {
      measure: `Bytes before the first answer: ${fa.files.map(short).join(' + ')} and its static imports`,
      result: triple(fa),
      bar: `≤ ${kb(FIRST_ANSWER_BAR)} gzip (aim ${kb(FIRST_ANSWER_AIM)})`,
      name: 'bytes before the first answer',
      status: fa.gzip <= FIRST_ANSWER_BAR ? (fa.gzip <= FIRST_ANSWER_AIM ? 'OK (aim met)' : 'OK (aim not met)') : 'MISSED',
    },
    {
      measure: 'Bare-Lit floor: one LitElement (a property, a <p>), same plugins and terser settings',
      result: triple(floor),
    },
    {
      measure: 'Our first-answer bytes ÷ the bare-Lit floor (gzip)',
      result: `${(fa.gzip / floor.gzip).toFixed(1)}×`,
    },
    {
      measure: `Start view (no answer yet): first-answer bytes + ${widget.startView.files
        .filter((f) => !fa.files.includes(f))
        .map(short)
        .join(' + ')}`,
      result: triple(widget.startView),
    },
    ...widget.files.map((f) => ({
      measure: `· ${short(f.file)} — ${f.when}`,
      result: triple(f),
    })),
  ];
  return { rows, widget, floor };
}
