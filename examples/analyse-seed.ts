/**
 * Analyse a seed dataset (运城经开区, four chains): gaps, 链主, recruitment list, cluster score,
 * then the chain map (SVG) and the full report (HTML) written to reports/examples/.
 * Run: npx tsx examples/analyse-seed.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildModel,
  findGaps,
  rankLeaders,
  recommendRecruits,
  renderChainMap,
  renderReport,
  scoreCluster,
} from '../src/index.js';
import { loadDataset } from '../src/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const model = buildModel(await loadDataset(`${root}seeds/yuncheng.json`));
const region = model.dataset.meta.region!; // yuncheng-etdz

for (const chain of model.chains) {
  const gaps = findGaps(model, { chain: chain.id, region });
  const leaders = rankLeaders(model, { chain: chain.id, region });
  const recruits = recommendRecruits(model, { chain: chain.id, region, gaps, limit: 3 });
  const cluster = scoreCluster(model, { chain: chain.id, region });
  const declared = leaders.ranking.filter((e) => e.declaredLeader).map((e) => e.name);
  console.log(
    `${chain.name}: ${gaps.summary.present}/${gaps.summary.segments} 环节本地已有，缺链 ${gaps.summary.missing}，短板 ${gaps.summary.thin}；` +
      `链主 ${declared.join('、') || '未声明'}；集群得分 ${cluster.total === null ? '无数据' : cluster.total.toFixed(1)}`,
  );
  const worst = gaps.findings[0];
  if (worst) console.log(`  最严重的缺口：${worst.reason.zh}`);
  const entry = recruits.entries[0];
  if (entry) console.log(`  招商清单首项：${entry.segmentName}（${entry.candidates.length} 家候选）—— ${entry.reason.zh}`);
}

// the map of the new-energy-vehicle chain, and the whole report
const svg = renderChainMap(model, { chain: 'new-energy-vehicle', region });
const html = renderReport(model, { format: 'html', runs: 1000 });
const out = `${root}reports/examples`;
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/yuncheng-new-energy-vehicle.svg`, svg);
writeFileSync(`${out}/yuncheng.html`, html);
console.log(`chain map: ${out}/yuncheng-new-energy-vehicle.svg`);
console.log(`report:    ${out}/yuncheng.html`);

// the declared 链主 of the new-energy-vehicle chain is 大运, marked ★ on the map
if (!svg.includes('★ 大运集团') || !html.includes('大运集团')) {
  console.error('expected 大运集团 as the marked 链主 of the new-energy-vehicle chain');
  process.exit(1);
}
