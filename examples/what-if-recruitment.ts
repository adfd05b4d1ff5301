/**
 * What if we recruit? 酒泉 has no photovoltaic power-plant developer (光伏电站开发建设 is missing);
 * the recruitment list proposes 正泰新能源. Model its local subsidiary, broker a supply deal from
 * the local module maker, and compare before and after: gaps, cluster score, output, resilience.
 * Run: npx tsx examples/what-if-recruitment.ts
 */
import { fileURLToPath } from 'node:url';
import { buildModel, compareScenarios, recommendRecruits, withChanges } from '../src/index.js';
import { loadDataset } from '../src/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const model = buildModel(await loadDataset(`${root}seeds/jiuquan.json`));
const scope = { chain: 'photovoltaic', region: 'jiuquan' };

const list = recommendRecruits(model, { ...scope, limit: 3 });
const entry = list.entries.find((e) => e.segment === 'pv-plant' && e.candidates.length > 0);
if (!entry) {
  console.error('expected a recruitment candidate for 光伏电站开发建设 (pv-plant)');
  process.exit(1);
}
const candidate = entry.candidates[0]!;
console.log(`招商清单：${entry.segmentName} ← ${candidate.name}（匹配度 ${candidate.fit}）`);
console.log(`  ${candidate.reason.zh}`);

// the recruit: a local subsidiary under construction, supplied by the local module maker
const moduleMaker = model.dataset.enterprises.find(
  (e) => e.region.startsWith('jiuquan') && e.segments.some((a) => a.chain === 'photovoltaic' && a.segment === 'modules'),
);
const after = withChanges(model, {
  addEnterprises: [
    {
      id: 'chint-jiuquan-pv',
      name: '正泰新能源酒泉电站开发公司',
      region: 'jiuquan-etdz',
      parent: candidate.enterprise!,
      segments: [{ chain: 'photovoltaic', segment: 'pv-plant' }],
      status: '在建',
      basis: 'estimated',
    },
  ],
  addLinks: moduleMaker ? [{ from: moduleMaker.id, to: 'chint-jiuquan-pv', status: '撮合' }] : [],
});

const diff = compareScenarios(model, after, { ...scope, runs: 1000 });
console.log(`\n${diff.reason.zh}`);
console.log(`缺链：${diff.gaps.counts.missing.before} → ${diff.gaps.counts.missing.after}`);
console.log(`补齐的缺口：${diff.gaps.resolved.map((g) => `${g.code} ${g.segment}`).join('、') || '无'}`);
console.log(`集群得分：${diff.cluster.total.before?.toFixed(1) ?? '无数据'} → ${diff.cluster.total.after?.toFixed(1) ?? '无数据'}`);

if (!diff.gaps.resolved.some((g) => g.code === 'missing_segment' && g.segment === 'pv-plant')) {
  console.error('expected the recruit to fill the missing pv-plant segment');
  process.exit(1);
}
if (model.dataset.enterprises.some((e) => e.id === 'chint-jiuquan-pv')) {
  console.error('withChanges must not change the original model');
  process.exit(1);
}
