/**
 * Export a chain to a web page: ECharts options (a graph of firms and segments, a sankey of the
 * segment flows) and Graphviz DOT, written to reports/examples/. The options are plain JSON for
 * `chart.setOption(option)`; the page written alongside loads ECharts from a CDN to show them.
 * Run: npx tsx examples/export-echarts.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildModel, toDot, toEChartsOption } from '../src/index.js';
import { loadDataset } from '../src/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const model = buildModel(await loadDataset(`${root}seeds/jiuquan.json`));
const scope = { chain: 'wind-power', region: 'jiuquan' };

const graph = toEChartsOption(model, { ...scope, kind: 'graph' });
const sankey = toEChartsOption(model, { ...scope, kind: 'sankey' });
console.log(`graph: ${graph.series[0].data.length} nodes, ${graph.series[0].links.length} links — ${graph.title.subtext}`);
console.log(`sankey: ${sankey.series[0].links.length} flows — ${sankey.title.subtext}`);

const out = `${root}reports/examples`;
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/wind-power.graph.json`, JSON.stringify(graph, null, 2));
writeFileSync(`${out}/wind-power.sankey.json`, JSON.stringify(sankey, null, 2));
writeFileSync(`${out}/wind-power.dot`, toDot(model, scope));
writeFileSync(
  `${out}/wind-power.echarts.html`,
  `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${graph.title.text}</title>
<script src="https://cdn.jsdelivr.net/npm/echarts@5/dist/echarts.min.js"></script></head>
<body style="margin:0">
<div id="graph" style="width:100%;height:70vh"></div>
<div id="sankey" style="width:100%;height:70vh"></div>
<script>
echarts.init(document.getElementById('graph')).setOption(${JSON.stringify(graph)});
echarts.init(document.getElementById('sankey')).setOption(${JSON.stringify(sankey)});
</script></body></html>
`,
);
console.log(`written to ${out}/ (wind-power.graph.json, .sankey.json, .dot, .echarts.html)`);

// every link names a node, and the options survive a JSON round trip
for (const option of [graph, sankey]) {
  const series = option.series[0];
  const nodes = new Set(series.data.map((n) => ('id' in n ? n.id : n.name)));
  const dangling = series.links.filter((l) => !nodes.has(l.source) || !nodes.has(l.target));
  if (dangling.length > 0 || JSON.stringify(JSON.parse(JSON.stringify(option))) !== JSON.stringify(option)) {
    console.error(`broken ${series.type} option: ${dangling.length} dangling link(s)`);
    process.exit(1);
  }
}
