/**
 * Build a dataset in code, validate it, and query the model.
 * Run: npx tsx examples/build-dataset.ts
 */
import {
  buildModel,
  enterprisesIn,
  findEnterprise,
  formatIssue,
  isLocal,
  safeParseDataset,
  upstreamSegments,
  type DatasetInput,
} from '../src/index.js';

const input: DatasetInput = {
  meta: { id: 'example', name: '示例：酒泉风电装备', region: 'jiuquan' },
  sources: [{ id: 'doc-003', title: '酒泉一季度项目建设报道', date: '2024-04-16', file: '003_adfb0228808a06f6.txt' }],
  regions: [
    { id: 'gansu', name: '甘肃省', kind: '省' },
    { id: 'jiuquan', name: '酒泉市', kind: '市', parent: 'gansu' },
    { id: 'jiuquan-etdz', name: '酒泉经济技术开发区', aliases: ['酒泉经开区'], kind: '开发区', parent: 'jiuquan' },
    { id: 'zhejiang', name: '浙江省', kind: '省' },
  ],
  // the segments and flows come from the built-in wind-power template
  chains: [{ id: 'wind', name: '风电装备', template: 'wind-power' }],
  enterprises: [
    {
      id: 'jiuding-blade',
      name: '九鼎风电叶片',
      aliases: ['九鼎叶片'],
      region: 'jiuquan-etdz',
      segments: [{ chain: 'wind', segment: 'blades', basis: 'inferred' }],
      role: '配套',
      basis: 'cited',
      sources: [{ source: 'doc-003', locator: 'line 40' }],
    },
    {
      id: 'yunfeng',
      name: '甘肃省云风智慧风电设备有限公司',
      aliases: ['云风智慧'],
      region: 'jiuquan-etdz',
      segments: [{ chain: 'wind', segment: 'turbine-assembly' }],
      role: '链主',
      parent: 'windey',
      basis: 'cited',
      sources: [{ source: 'doc-003', locator: 'line 6' }],
    },
    { id: 'windey', name: '运达股份', region: 'zhejiang', segments: [{ chain: 'wind', segment: 'turbine-assembly' }], basis: 'inferred' },
  ],
  links: [
    { from: 'jiuding-blade', to: 'yunfeng', status: '撮合', basis: 'cited', sources: [{ source: 'doc-003', locator: 'line 40' }] },
  ],
};

const result = safeParseDataset(input);
if (!result.success) {
  for (const issue of result.issues) console.error(formatIssue(issue));
  process.exit(1);
}
const model = buildModel(result.data);

const inputs = upstreamSegments(model, 'wind', 'turbine-assembly');
console.log(`整机的上游环节 (${inputs.length}):`, inputs.join(', '));
console.log('酒泉的风电整机企业:', enterprisesIn(model, { chain: 'wind', segment: 'turbine-assembly', region: 'jiuquan' }));
console.log('运达股份 is local to 酒泉:', isLocal(model, 'windey', 'jiuquan'));
const match = findEnterprise(model, '酒泉九鼎風電葉片有限公司');
console.log('name match:', match.status === 'found' ? `${match.enterprise} (${match.matchedBy})` : match.status);
if (match.status !== 'found' || match.enterprise !== 'jiuding-blade') process.exit(1);

// a typo is reported with its path, not thrown
const broken = safeParseDataset({ ...input, links: [{ from: 'jiuding-blade', to: 'yunfen' }] }, { locale: 'en' });
if (broken.success) process.exit(1);
console.log('invalid variant:', broken.issues.map((i) => formatIssue(i)).join('; '));
