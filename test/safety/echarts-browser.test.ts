/**
 * ECharts options with hostile names, shown by ECharts (from the npm package, no network) in
 * headless Chromium: every node and edge is hovered (a `showTip` action, as a mouse over it
 * does), and no injected element or script may run, while the tooltips show the names as text.
 * Skips with a message when there is no chromium (CI installs Debian's).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/graph/model.js';
import { parseDataset } from '../../src/model/parse.js';
import { toEChartsOption } from '../../src/render/echarts.js';
import { HOSTILE_NAMES, hostileDataset } from './hostile.js';

function findBrowser(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim() !== '') return found.stdout.trim();
  }
  return undefined;
}

const browser = findBrowser();
if (browser === undefined) console.warn('SKIPPED test/safety/echarts-browser.test.ts: no chromium (install Debian\'s chromium to run it; CI does)');

const dir = mkdtempSync(join(tmpdir(), 'industrial-chain-echarts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the page hovers every item of each chart and writes what it saw, base64 JSON, into #result
const PAGE_SCRIPT = `
window.__pwned = [];
const seen = [];
for (const option of OPTIONS) {
  const box = document.createElement('div');
  box.style.cssText = 'width:900px;height:700px';
  document.body.appendChild(box);
  option.animation = false;
  if (option.series[0].force) option.series[0].force.layoutAnimation = false;
  const chart = echarts.init(box, null, { renderer: 'canvas' });
  chart.setOption(option);
  const series = option.series[0];
  const hover = (dataType, count) => {
    for (let i = 0; i < count; i++) {
      chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i, dataType });
      const tips = [...box.querySelectorAll('div')].filter((d) => d.style.position === 'absolute' && d.innerHTML !== '' && !d.querySelector('canvas'));
      seen.push({ kind: series.type, dataType: dataType || 'node', index: i, text: tips.map((d) => d.innerText).join('') });
      chart.dispatchAction({ type: 'hideTip' });
    }
  };
  hover(undefined, series.data.length);
  hover('edge', series.links.length);
}
// an injected image fails to load, and its onerror runs, after this script: wait (virtual time)
setTimeout(() => {
  const injected = [...document.querySelectorAll('img, svg, iframe, object, embed, b, script:not([data-page])')].map((e) => e.outerHTML);
  document.getElementById('result').textContent = btoa(unescape(encodeURIComponent(JSON.stringify({ pwned: window.__pwned, injected, seen }))));
}, 1000);
`;

function runPage(options: unknown[]): { pwned: string[]; injected: string[]; seen: { kind: string; dataType: string; index: number; text: string }[] } {
  const echartsPath = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
  // the options go in as JSON inside a script; "<" escaped so no name can close the script element
  const data = JSON.stringify(options).replace(/</gu, '\\u003c');
  const page = join(dir, 'page.html');
  copyFileSync(echartsPath, join(dir, 'echarts.min.js'));
  writeFileSync(
    page,
    `<!DOCTYPE html><html><head><meta charset="utf-8"><script data-page src="echarts.min.js"></script></head><body><pre id="result"></pre><script data-page>const OPTIONS = ${data};\n${PAGE_SCRIPT}</script></body></html>`,
  );
  const dom = execFileSync(
    browser!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${mkdtempSync(join(dir, 'profile-'))}`,
      '--virtual-time-budget=5000',
      '--dump-dom',
      `file://${page}`,
    ],
    { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const encoded = /<pre id="result">([^<]*)<\/pre>/u.exec(dom)?.[1];
  if (!encoded) throw new Error(`the page wrote no result:\n${dom.slice(0, 2000)}`);
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
}

describe.skipIf(browser === undefined)('ECharts options with hostile names in headless Chromium', () => {
  it('hovering every node and edge runs nothing injected and shows the names as text', () => {
    const model = buildModel(parseDataset(hostileDataset()));
    const options = ['wind', 'pv'].flatMap((chain) => [
      toEChartsOption(model, { chain, region: 'jiuquan', kind: 'graph' }),
      toEChartsOption(model, { chain, region: 'jiuquan', kind: 'sankey' }),
    ]);
    const result = runPage(options);
    expect(result.pwned).toEqual([]);
    expect(result.injected).toEqual([]);
    const items = options.reduce((n, o) => n + o.series[0].data.length + o.series[0].links.length, 0);
    expect(result.seen).toHaveLength(items);
    // every hover showed a tooltip, and the hostile names appear in them as the text they are
    expect(result.seen.filter((s) => s.text === '')).toEqual([]);
    const shown = result.seen.map((s) => s.text).join('\n');
    for (const name of HOSTILE_NAMES.slice(0, 4)) expect(shown).toContain(name.split('\n')[0]);
  }, 180_000);
});
