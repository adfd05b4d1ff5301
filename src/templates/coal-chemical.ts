/**
 * Coal chemicals (煤化工): coal → coking, low-rank coal pyrolysis and gasification → tar
 * processing, methanol and ammonia → olefins, liquids, SNG, glycol, carbide/PVC, methanol
 * derivatives, fertilisers and coal-based new materials.
 */
import type { ChainTemplate } from '../model/schema.js';

/** Template of the coal chemical chain (煤化工产业链). */
export const coalChemical: ChainTemplate = {
  id: 'coal-chemical',
  name: '煤化工',
  aliases: ['现代煤化工', '煤化工产业链', '煤炭清洁高效利用', '煤基化工'],
  description:
    '原煤 → 炼焦、低阶煤分质利用、煤气化 → 煤焦油深加工、甲醇、合成氨 → 煤制烯烃、煤制油、煤制天然气、煤制乙二醇、电石及聚氯乙烯、甲醇下游、化肥、煤基新材料。',
  basis: 'inferred',
  note:
    'Structure from public industry knowledge of traditional coal chemicals (coking with coke-oven gas and tar recovery, carbide/PVC, synthetic ammonia) and modern coal chemicals (gasification to methanol, olefins, liquids, SNG and glycol; grading pyrolysis of low-rank coal into upgraded coal/semi-coke, tar and gas). Coefficients are rough estimates for the dominant coal-based route of each product: coal most of the cost of coke and semi-coke and about half of syngas, syngas most of methanol and ammonia, methanol most of MTO olefins. Flows whose weight depends on the route or product mix carry no coefficient. No valueShare: the chain has many end products and no single final product to split.',
  segments: [
    {
      id: 'coal',
      name: '原煤',
      aliases: ['煤炭', '原料煤', '炼焦煤', '低阶煤', '动力煤'],
      stage: 'upstream',
      products: ['炼焦煤', '气化用煤', '长焰煤', '不粘煤'],
    },
    {
      id: 'coking',
      name: '炼焦',
      aliases: ['焦化', '焦炭', '独立焦化', '焦炉煤气'],
      stage: 'midstream',
      products: ['冶金焦', '焦炉煤气', '煤焦油', '粗苯'],
    },
    {
      id: 'coal-pyrolysis',
      name: '低阶煤分质利用',
      aliases: ['煤炭分级分质利用', '低阶煤热解', '兰炭', '提质煤', '半焦'],
      stage: 'midstream',
      products: ['提质煤', '兰炭(半焦)', '中低温煤焦油', '热解煤气'],
    },
    {
      id: 'gasification',
      name: '煤气化',
      aliases: ['气化', '合成气', '煤制合成气'],
      stage: 'midstream',
      products: ['合成气', '氢气', '一氧化碳'],
    },
    {
      id: 'coal-tar-processing',
      name: '煤焦油深加工',
      aliases: ['煤焦油加工', '焦油加氢', '粗苯精制', '精制酚'],
      stage: 'midstream',
      products: ['煤沥青', '工业萘', '蒽油', '精制酚', '纯苯', '煤焦油加氢油品'],
    },
    {
      id: 'methanol',
      name: '甲醇',
      aliases: ['煤制甲醇', '焦炉煤气制甲醇'],
      stage: 'midstream',
      products: ['精甲醇'],
    },
    {
      id: 'synthetic-ammonia',
      name: '合成氨',
      aliases: ['煤制合成氨', '尿素', '煤制尿素'],
      stage: 'midstream',
      products: ['液氨', '尿素', '碳酸氢铵'],
    },
    {
      id: 'coal-to-olefins',
      name: '煤制烯烃',
      aliases: ['甲醇制烯烃', 'MTO', 'DMTO', '煤基聚烯烃'],
      stage: 'downstream',
      products: ['乙烯', '丙烯', '聚乙烯', '聚丙烯'],
    },
    {
      id: 'coal-to-liquids',
      name: '煤制油',
      aliases: ['煤炭液化', '煤直接液化', '煤间接液化', '费托合成'],
      stage: 'downstream',
      products: ['煤基柴油', '石脑油', '煤基特种油品'],
    },
    {
      id: 'coal-to-gas',
      name: '煤制天然气',
      aliases: ['煤制气', 'SNG', '焦炉气制LNG'],
      stage: 'downstream',
      products: ['合成天然气', '液化天然气(LNG)'],
    },
    {
      id: 'coal-to-glycol',
      name: '煤制乙二醇',
      aliases: ['乙二醇', '合成气制乙二醇'],
      stage: 'downstream',
      products: ['乙二醇', '草酸二甲酯'],
    },
    {
      id: 'carbide-pvc',
      name: '电石及聚氯乙烯',
      aliases: ['电石', 'PVC', '聚氯乙烯', '电石法PVC', 'BDO'],
      stage: 'downstream',
      products: ['电石', '聚氯乙烯', '1,4-丁二醇(BDO)', '乙炔'],
    },
    {
      id: 'methanol-derivatives',
      name: '甲醇下游',
      aliases: ['甲醛', '醋酸', '二甲醚', '甲醇下游产品'],
      stage: 'downstream',
      products: ['甲醛', '多聚甲醛', '醋酸', '二甲醚', '甲缩醛'],
    },
    {
      id: 'fertilisers',
      name: '化肥',
      aliases: ['复合肥', '农资', '氮肥'],
      stage: 'downstream',
      products: ['复合肥', '复混肥', '水溶肥'],
    },
    {
      id: 'coal-based-new-materials',
      name: '煤基新材料',
      aliases: ['可降解材料', '碳材料', '针状焦', '煤基碳材料'],
      stage: 'downstream',
      products: ['针状焦', '负极材料', 'PBAT可降解塑料', '活性炭', '聚烯烃专用料'],
    },
  ],
  flows: [
    { from: 'coal', to: 'coking', coefficient: 0.7, basis: 'estimated', note: 'coking coal, most of coke cost' },
    { from: 'coal', to: 'coal-pyrolysis', coefficient: 0.6, basis: 'estimated', note: 'low-rank coal, most of the cost of pyrolysis products' },
    { from: 'coal', to: 'gasification', coefficient: 0.45, basis: 'estimated', note: 'feed and fuel coal, about half of syngas cost' },
    { from: 'coking', to: 'coal-tar-processing', note: 'high-temperature tar and crude benzene; weight depends on the tar source mix' },
    { from: 'coal-pyrolysis', to: 'coal-tar-processing', note: 'low-temperature tar; weight depends on the tar source mix' },
    { from: 'coking', to: 'methanol', note: 'coke-oven gas route; weight depends on the route mix' },
    { from: 'gasification', to: 'methanol', coefficient: 0.6, basis: 'estimated', note: 'syngas, most of coal-based methanol cost' },
    { from: 'gasification', to: 'synthetic-ammonia', coefficient: 0.55, basis: 'estimated', note: 'syngas, most of coal-based ammonia cost' },
    { from: 'methanol', to: 'coal-to-olefins', coefficient: 0.65, basis: 'estimated', note: 'about three tonnes of methanol per tonne of olefins' },
    { from: 'gasification', to: 'coal-to-liquids', coefficient: 0.55, basis: 'estimated', note: 'syngas for Fischer-Tropsch synthesis' },
    { from: 'gasification', to: 'coal-to-gas', coefficient: 0.6, basis: 'estimated', note: 'syngas for methanation' },
    { from: 'coking', to: 'coal-to-gas', note: 'coke-oven gas to LNG; weight depends on the route mix' },
    { from: 'gasification', to: 'coal-to-glycol', coefficient: 0.5, basis: 'estimated', note: 'CO and hydrogen' },
    { from: 'coking', to: 'carbide-pvc', note: 'coke as carbon reductant for calcium carbide' },
    { from: 'coal-pyrolysis', to: 'carbide-pvc', note: 'semi-coke (兰炭) as carbon reductant for calcium carbide' },
    { from: 'methanol', to: 'methanol-derivatives', coefficient: 0.55, basis: 'estimated', note: 'methanol, most of formaldehyde and acetic acid cost' },
    { from: 'synthetic-ammonia', to: 'fertilisers', coefficient: 0.25, basis: 'estimated', note: 'nitrogen; phosphate and potash come from outside the chain' },
    { from: 'coal-tar-processing', to: 'coal-based-new-materials', note: 'pitch and oils for needle coke and carbon materials' },
    { from: 'carbide-pvc', to: 'coal-based-new-materials', note: 'BDO for biodegradable plastics' },
    { from: 'coal-to-olefins', to: 'coal-based-new-materials', note: 'olefins for specialty polyolefins' },
  ],
};
