/**
 * Checks that PNG screenshots are not blank: decodes each file (pngjs) and requires
 * - at least `--min-ink` (default 1%) of the pixels to differ clearly (by more than 24 in a
 *   channel) from the most common colour, the page background; and
 * - at least `--min-colours` (default 32) distinct colours (quantised to 4 bits a channel):
 *   anti-aliased text and a drawn chain map have many, a blank or single-colour page one or two.
 * Prints one line per file; exits 1 when any file fails.
 *
 * Usage: npx tsx scripts/check-screenshot.ts shot1.png [shot2.png ...] [--min-ink 0.01] [--min-colours 32]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PNG } from 'pngjs';

const { values, positionals } = parseArgs({
  options: { 'min-ink': { type: 'string' }, 'min-colours': { type: 'string' } },
  allowPositionals: true,
});
const minInk = Number(values['min-ink'] ?? 0.01);
const minColours = Number(values['min-colours'] ?? 32);
if (positionals.length === 0) {
  console.error('usage: check-screenshot.ts <png>... [--min-ink 0.01] [--min-colours 32]');
  process.exit(2);
}

/** Share of pixels unlike the background, and the number of distinct quantised colours. */
function inkAndColours(png: PNG): { ink: number; colours: number; background: string } {
  const { data, width, height } = png;
  const n = width * height;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = (data[4 * i]! << 16) | (data[4 * i + 1]! << 8) | data[4 * i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let background = 0;
  let most = -1;
  for (const [key, count] of counts) if (count > most) (most = count), (background = key);
  const br = background >> 16;
  const bg = (background >> 8) & 255;
  const bb = background & 255;
  let ink = 0;
  const quantised = new Set<number>();
  for (let i = 0; i < n; i++) {
    const r = data[4 * i]!;
    const g = data[4 * i + 1]!;
    const b = data[4 * i + 2]!;
    if (Math.abs(r - br) > 24 || Math.abs(g - bg) > 24 || Math.abs(b - bb) > 24) ink++;
    quantised.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
  }
  return { ink: ink / n, colours: quantised.size, background: `#${background.toString(16).padStart(6, '0')}` };
}

let failed = 0;
for (const file of positionals) {
  let png: PNG;
  try {
    png = PNG.sync.read(readFileSync(file));
  } catch (error) {
    console.error(`${file}: not a readable PNG (${error instanceof Error ? error.message : String(error)})`);
    failed++;
    continue;
  }
  const { ink, colours, background } = inkAndColours(png);
  const ok = ink >= minInk && colours >= minColours;
  if (!ok) failed++;
  (ok ? console.log : console.error)(
    `${file}: ${png.width}×${png.height}, ${(ink * 100).toFixed(1)}% ink on ${background}, ${colours} colours — ${ok ? 'ok' : `BLANK (need ≥ ${(minInk * 100).toFixed(1)}% ink and ≥ ${minColours} colours)`}`,
  );
}
process.exitCode = failed > 0 ? 1 : 0;
