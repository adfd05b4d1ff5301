/**
 * Hydrogen (氢能): renewable power and key materials → electrolysers → hydrogen production →
 * storage and transport → refuelling, fuel cells and end uses (green ammonia/methanol,
 * transport, industry).
 */
import type { ChainTemplate } from '../model/schema.js';

/** Template of the hydrogen chain (氢能产业链). */
export const hydrogen: ChainTemplate = {
  id: 'hydrogen',
  name: '氢能',
  aliases: ['氢能装备', '氢能产业链', '绿氢', '氢能装备制造', '可再生能源制氢'],
  description:
    '可再生能源电力、关键材料 → 碱性/PEM电解槽、制氢电源及辅机 → 电解水制氢 → 储运 → 加氢站、燃料电池 → 氢能交通、绿氨绿醇、工业用氢。',
  basis: 'inferred',
  note:
    'Structure from public industry knowledge of renewable (green) hydrogen: electrolysis powered by wind and solar, storage and transport, refuelling, fuel cells, and uses in chemicals, industry and transport. Electrolysers and other plant equipment are capital goods, so their flows into hydrogen production carry no input coefficient. Coefficients are rough estimates from typical published cost structures: electricity about 60% of the cost of electrolytic hydrogen, key materials (electrodes, diaphragms or membranes, catalysts, bipolar plates) a quarter to a third of an electrolyser or fuel-cell stack, hydrogen the main cost of green ammonia and methanol, and the fuel-cell system about 30% of a fuel-cell heavy truck. No valueShare: the chain has several end uses and no single final product to split.',
  segments: [
    {
      id: 'renewable-power',
      name: '可再生能源电力',
      aliases: ['绿电', '风光发电', '新能源发电', '可再生能源发电'],
      stage: 'upstream',
      products: ['风电电量', '光伏电量', '绿电交易电量'],
    },
    {
      id: 'key-materials',
      name: '关键材料',
      aliases: ['催化剂', '质子交换膜', '双极板', '电极', '复合隔膜', '膜电极材料'],
      stage: 'upstream',
      products: ['镍基电极', '复合隔膜', '质子交换膜', '铂催化剂', '铱催化剂', '双极板', '碳纸'],
    },
    {
      id: 'alkaline-electrolysers',
      name: '碱性电解槽',
      aliases: ['ALK电解槽', '碱性水电解槽', '碱性电解水制氢设备'],
      stage: 'midstream',
      products: ['碱性电解槽', '气液分离框架'],
    },
    {
      id: 'pem-electrolysers',
      name: 'PEM电解槽',
      aliases: ['质子交换膜电解槽', 'PEM电解水制氢设备'],
      stage: 'midstream',
      products: ['PEM电解槽', 'PEM制氢系统'],
    },
    {
      id: 'electrolysis-bop',
      name: '制氢电源及辅机',
      aliases: ['制氢电源', '整流电源', '纯化装置', '制氢辅机'],
      stage: 'midstream',
      products: ['IGBT制氢电源', '晶闸管整流电源', '氢气纯化装置', '气液分离装置'],
    },
    {
      id: 'hydrogen-production',
      name: '电解水制氢',
      aliases: ['制氢', '绿氢制备', '制氢项目', '可再生能源制氢项目'],
      stage: 'midstream',
      products: ['绿氢'],
    },
    {
      id: 'storage-transport',
      name: '储运',
      aliases: ['氢储运', '储氢', '输氢', '储氢瓶', '长管拖车', '输氢管道'],
      stage: 'midstream',
      products: ['高压储氢瓶', '长管拖车运输', '液氢', '管道输氢', '氢气压缩机'],
    },
    {
      id: 'fuel-cells',
      name: '燃料电池',
      aliases: ['燃料电池系统', '电堆', '氢燃料电池', '燃料电池电堆'],
      stage: 'midstream',
      products: ['燃料电池电堆', '燃料电池系统', '膜电极'],
    },
    {
      id: 'refuelling-stations',
      name: '加氢站',
      aliases: ['加氢', '油氢合建站', '加氢站建设运营'],
      stage: 'downstream',
      products: ['固定式加氢站', '撬装加氢站', '加氢机'],
    },
    {
      id: 'fuel-cell-vehicles',
      name: '氢能交通',
      aliases: ['燃料电池汽车', '氢燃料电池汽车', '氢能重卡', '氢能汽车'],
      stage: 'downstream',
      products: ['氢燃料电池重卡', '氢燃料电池公交', '氢燃料电池物流车'],
    },
    {
      id: 'green-ammonia-methanol',
      name: '绿氨绿醇',
      aliases: ['绿氨', '绿色甲醇', '绿醇', '氢基化工'],
      stage: 'downstream',
      products: ['绿氨', '绿色甲醇'],
    },
    {
      id: 'industrial-hydrogen',
      name: '工业用氢',
      aliases: ['氢冶金', '绿氢炼化', '工业领域用氢'],
      stage: 'downstream',
      products: ['氢冶金', '炼化用氢', '氢能供热'],
    },
  ],
  flows: [
    { from: 'key-materials', to: 'alkaline-electrolysers', coefficient: 0.25, basis: 'estimated', note: 'electrodes and diaphragms' },
    { from: 'key-materials', to: 'pem-electrolysers', coefficient: 0.35, basis: 'estimated', note: 'membranes, catalysts, porous layers, bipolar plates' },
    { from: 'key-materials', to: 'fuel-cells', coefficient: 0.35, basis: 'estimated', note: 'membrane-electrode materials and bipolar plates' },
    { from: 'renewable-power', to: 'hydrogen-production', coefficient: 0.6, basis: 'estimated', note: 'electricity, about 60% of the cost of electrolytic hydrogen' },
    { from: 'alkaline-electrolysers', to: 'hydrogen-production', note: 'capital equipment; no input coefficient' },
    { from: 'pem-electrolysers', to: 'hydrogen-production', note: 'capital equipment; no input coefficient' },
    { from: 'electrolysis-bop', to: 'hydrogen-production', note: 'capital equipment; no input coefficient' },
    { from: 'hydrogen-production', to: 'storage-transport', note: 'hydrogen carried by storage and transport' },
    { from: 'hydrogen-production', to: 'green-ammonia-methanol', coefficient: 0.6, basis: 'estimated', note: 'hydrogen, the main cost of green ammonia and methanol' },
    { from: 'hydrogen-production', to: 'industrial-hydrogen', note: 'on-site hydrogen for industry' },
    { from: 'storage-transport', to: 'refuelling-stations', coefficient: 0.6, basis: 'estimated', note: 'delivered hydrogen, most of a station\'s cost of sales' },
    { from: 'refuelling-stations', to: 'fuel-cell-vehicles', note: 'fuel for fuel-cell vehicles' },
    { from: 'fuel-cells', to: 'fuel-cell-vehicles', coefficient: 0.3, basis: 'estimated', note: 'fuel-cell system, about 30% of a fuel-cell heavy truck' },
  ],
};
