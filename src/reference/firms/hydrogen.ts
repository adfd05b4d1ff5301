/**
 * Reference firms whose main business is in the hydrogen (氢能) chain: membranes and
 * catalysts, electrolysers, storage and transport, fuel cells, refuelling and vehicles.
 */
import type { ReferenceFirm, ReferenceGap } from '../types.js';
import { at, firm, hkex, sse, szse } from './build.js';

/** Firms filed under the hydrogen template. */
export const hydrogenFirms: readonly ReferenceFirm[] = [
  firm({ id: 'dongyue', name: '东岳集团有限公司', shortNames: ['东岳集团'], province: '山东省', city: '淄博市', segments: [...at('hydrogen', 'key-materials'), ...at('fine-chemical', 'fluorochemicals', 'organosilicon', 'fluorosilicon-materials', 'battery-chemicals')], products: ['制冷剂', 'PTFE', 'PVDF', '有机硅', '质子交换膜'], listing: [hkex('00189')], tags: ['民营'], note: 'Fluorine and silicone group of 桓台; makes proton-exchange membranes.' }),
  firm({ id: 'sino-platinum', name: '贵研铂业股份有限公司', shortNames: ['贵研铂业'], province: '云南省', city: '昆明市', segments: [...at('hydrogen', 'key-materials'), ...at('fine-chemical', 'catalysts')], products: ['贵金属催化剂', '铂族金属材料', '汽车尾气催化剂'], listing: [sse('600459')], tags: ['地方国企'], note: 'Precious-metal materials and catalysts; state-owned, controlled by 云南省.' }),
  firm({ id: 'peric-hydrogen', name: '中船(邯郸)派瑞氢能科技有限公司', shortNames: ['派瑞氢能'], province: '河北省', city: '邯郸市', segments: at('hydrogen', 'alkaline-electrolysers', 'electrolysis-bop'), products: ['碱性电解水制氢设备', '氢气纯化装置'], tags: ['央企'], note: 'Electrolyser maker of 中国船舶集团 (718 所).' }),
  firm({ id: 'huadian-heavy', name: '华电重工股份有限公司', shortNames: ['华电重工'], parent: 'huadian', province: '北京市', city: '北京市', segments: at('hydrogen', 'alkaline-electrolysers'), products: ['碱性电解槽', '物料输送系统', '海上风电工程'], listing: [sse('601226')], tags: ['央企'], note: 'Engineering arm of 华电 with an electrolyser business.' }),
  firm({ id: 'jingcheng', name: '北京京城机电股份有限公司', shortNames: ['京城股份'], province: '北京市', city: '北京市', segments: at('hydrogen', 'storage-transport'), products: ['车载储氢瓶', '工业气瓶', 'LNG储罐'], listing: [sse('600860'), hkex('00187')], tags: ['地方国企'], note: 'Gas cylinders through 北京天海.' }),
  firm({ id: 'furui', name: '张家港富瑞特种装备股份有限公司', shortNames: ['富瑞特装'], province: '江苏省', city: '苏州市', segments: at('hydrogen', 'storage-transport'), products: ['LNG车用气瓶', '低温储罐', '氢能装备'], listing: [szse('300228')], tags: [], note: 'Cryogenic tanks and cylinders.' }),
  firm({ id: 'houpu', name: '厚普清洁能源(集团)股份有限公司', shortNames: ['厚普股份'], province: '四川省', city: '成都市', segments: at('hydrogen', 'refuelling-stations'), products: ['加氢站成套设备', '加氢机', 'LNG加注设备'], listing: [szse('300471')], tags: [], note: 'Refuelling-station equipment for LNG and hydrogen.' }),
  firm({ id: 'sinohytec', name: '北京亿华通科技股份有限公司', shortNames: ['亿华通'], province: '北京市', city: '北京市', segments: at('hydrogen', 'fuel-cells'), products: ['燃料电池发动机', '燃料电池电堆'], listing: [sse('688339')], tags: [], note: 'Fuel-cell systems for commercial vehicles; its Hong Kong H-share code is not recorded here.' }),
  firm({ id: 'refire', name: '上海重塑能源集团股份有限公司', shortNames: ['重塑能源', '重塑科技'], province: '上海市', city: '上海市', segments: at('hydrogen', 'fuel-cells'), products: ['燃料电池系统'], tags: [], note: 'Fuel-cell system maker; listing status not recorded here.' }),
  firm({ id: 'guohong', name: '国鸿氢能科技(嘉兴)股份有限公司', shortNames: ['国鸿氢能'], province: '浙江省', city: '嘉兴市', segments: at('hydrogen', 'fuel-cells'), products: ['燃料电池电堆', '燃料电池系统'], tags: [], note: 'Fuel-cell stack maker; Hong Kong-listed, code not recorded here.' }),
  firm({ id: 'weichai', name: '潍柴动力股份有限公司', shortNames: ['潍柴动力', '潍柴'], province: '山东省', city: '潍坊市', segments: [...at('hydrogen', 'fuel-cells'), ...at('new-energy-vehicle', 'commercial-vehicle-parts')], products: ['柴油发动机', '燃料电池发动机', '变速箱', '车桥'], listing: [szse('000338'), hkex('02338')], tags: ['地方国企'], note: 'Engine and powertrain group; fuel cells with Ballard; holds majority stakes in 陕西重型汽车 and 法士特.' }),
  firm({ id: 'saic', name: '上海汽车集团股份有限公司', shortNames: ['上汽集团', '上汽'], province: '上海市', city: '上海市', segments: at('new-energy-vehicle', 'vehicle-assembly'), products: ['乘用车', '商用车', '新能源汽车'], listing: [sse('600104')], tags: ['地方国企'], note: 'A leading Chinese car group.' }),
  firm({ id: 'shpt', name: '上海捷氢科技股份有限公司', shortNames: ['捷氢科技'], parent: 'saic', province: '上海市', city: '上海市', segments: at('hydrogen', 'fuel-cells'), products: ['燃料电池电堆', '燃料电池系统'], tags: ['地方国企'], note: 'Fuel-cell subsidiary of 上汽.' }),
  firm({ id: 'baofeng', name: '宁夏宝丰能源集团股份有限公司', shortNames: ['宝丰能源'], province: '宁夏回族自治区', city: '银川市', segments: [...at('hydrogen', 'hydrogen-production', 'industrial-hydrogen'), ...at('coal-chemical', 'methanol', 'coal-to-olefins', 'coal-based-new-materials'), ...at('petrochemical', 'polymers')], products: ['聚乙烯', '聚丙烯', '甲醇', '焦炭', '绿氢'], listing: [sse('600989')], tags: ['民营'], note: 'Coal-to-olefins producer in 宁东 feeding solar-electrolysis hydrogen into its chemical plants.' }),
  firm({ id: 'jidian', name: '吉林电力股份有限公司', shortNames: ['吉电股份'], parent: 'spic', province: '吉林省', city: '长春市', segments: at('hydrogen', 'green-ammonia-methanol', 'renewable-power'), products: ['新能源发电', '绿氢合成氨'], listing: [szse('000875')], tags: ['央企'], note: 'Power company of 国家电投; green hydrogen-ammonia project in 大安.' }),
  firm({ id: 'yutong', name: '宇通客车股份有限公司', shortNames: ['宇通客车', '宇通'], province: '河南省', city: '郑州市', segments: [...at('hydrogen', 'fuel-cell-vehicles'), ...at('new-energy-vehicle', 'vehicle-assembly')], products: ['新能源客车', '燃料电池客车'], listing: [sse('600066')], tags: ['民营'], note: 'A leading bus maker.' }),
  firm({ id: 'foton', name: '北汽福田汽车股份有限公司', shortNames: ['福田汽车'], province: '北京市', city: '北京市', segments: [...at('hydrogen', 'fuel-cell-vehicles'), ...at('new-energy-vehicle', 'vehicle-assembly')], products: ['商用车', '燃料电池客车', '新能源轻卡'], listing: [sse('600166')], tags: ['地方国企'], note: 'Commercial-vehicle maker of 北汽.' }),
  firm({ id: 'faw-jiefang', name: '一汽解放集团股份有限公司', shortNames: ['一汽解放'], province: '吉林省', city: '长春市', segments: [...at('hydrogen', 'fuel-cell-vehicles'), ...at('new-energy-vehicle', 'vehicle-assembly', 'commercial-vehicle-parts')], products: ['中重卡', '新能源重卡', '发动机', '车桥'], listing: [szse('000800')], tags: ['央企'], note: 'Truck maker of 中国一汽; builds its own engines, transmissions and axles.' }),
];

/** Hydrogen segments with fewer than three named firms, and why. */
export const hydrogenGaps: readonly ReferenceGap[] = [
  { template: 'hydrogen', segment: 'key-materials', reason: 'Membrane-electrode, bipolar-plate and carbon-paper makers are mostly young unlisted firms; only 东岳集团 (membranes) and 贵研铂业 (catalysts) are named with certainty.' },
  { template: 'hydrogen', segment: 'pem-electrolysers', reason: 'PEM electrolysers are early-stage in China; only 阳光电源 and 国家电投 are named with certainty.' },
  { template: 'hydrogen', segment: 'electrolysis-bop', reason: 'Rectifier power supplies and purifiers come mostly with the electrolyser; only 阳光电源 and 派瑞氢能 are named with certainty.' },
  { template: 'hydrogen', segment: 'refuelling-stations', reason: 'Only 中国石化 (a leading station operator) and 厚普股份 (equipment) are named with certainty.' },
];
