/**
 * Reference firms whose main business is in the copper-based materials (铜基新材料) chain:
 * mining and smelting, rod and wire, magnet wire, cables, foil, strip, laminates, tubes, and
 * the electronics and appliance makers that use copper.
 */
import type { ReferenceFirm, ReferenceGap } from '../types.js';
import { at, firm, hkex, sse, szse } from './build.js';

const cu = (...segments: string[]) => at('copper-materials', ...segments);
const windCables = at('wind-power', 'cables');
const pvCables = at('photovoltaic', 'cables');
const gridCables = at('smart-grid', 'cables');

/** Firms filed under the copper-materials template. */
export const copperMaterialsFirms: readonly ReferenceFirm[] = [
  // ---- mining and smelting
  firm({ id: 'zijin', name: '紫金矿业集团股份有限公司', shortNames: ['紫金矿业'], province: '福建省', city: '龙岩市', segments: cu('copper-mining', 'smelting', 'electrolytic-copper'), products: ['铜精矿', '阴极铜', '金', '锌', '锂'], listing: [sse('601899'), hkex('02899')], tags: ['地方国企'], note: 'A leading Chinese copper miner (上杭).' }),
  firm({ id: 'jiangxi-copper', name: '江西铜业股份有限公司', shortNames: ['江西铜业', '江铜'], province: '江西省', city: '鹰潭市', segments: [...cu('copper-mining', 'smelting', 'electrolytic-copper', 'rod-wire'), ...at('fine-chemical', 'sulphur-sources', 'acid-making'), ...at('smart-grid', 'conductor-metals')], products: ['铜精矿', '阴极铜', '铜杆线', '硫酸'], listing: [sse('600362'), hkex('00358')], tags: ['地方国企'], note: 'A leading copper smelter (贵溪) with its own mines.' }),
  firm({ id: 'tongling-nonferrous', name: '铜陵有色金属集团股份有限公司', shortNames: ['铜陵有色'], province: '安徽省', city: '铜陵市', segments: [...cu('copper-mining', 'smelting', 'electrolytic-copper', 'rod-wire', 'copper-foil'), ...at('fine-chemical', 'sulphur-sources', 'acid-making'), ...at('energy-storage', 'current-collectors'), ...at('smart-grid', 'conductor-metals')], products: ['阴极铜', '铜杆', '铜箔', '硫酸'], listing: [szse('000630')], tags: ['地方国企'], note: 'Copper smelting and fabrication; copper foil through 铜冠铜箔.' }),
  firm({ id: 'cmoc', name: '洛阳栾川钼业集团股份有限公司', shortNames: ['洛阳钼业'], province: '河南省', city: '洛阳市', segments: cu('copper-mining'), products: ['铜', '钴', '钼', '钨'], listing: [sse('603993'), hkex('03993')], tags: [], note: 'Copper and cobalt in the DR Congo.' }),
  firm({ id: 'yunnan-copper', name: '云南铜业股份有限公司', shortNames: ['云南铜业'], province: '云南省', city: '昆明市', segments: cu('copper-mining', 'smelting', 'electrolytic-copper'), products: ['阴极铜', '铜精矿', '硫酸'], listing: [szse('000878')], tags: ['央企'], note: 'Copper smelter of 中国铜业 (中铝集团).' }),
  firm({ id: 'northern-copper', name: '北方铜业股份有限公司', shortNames: ['北方铜业'], formerNames: ['南风化工集团股份有限公司', '南风化工'], province: '山西省', city: '运城市', segments: cu('copper-mining', 'smelting', 'electrolytic-copper'), products: ['铜精矿', '阴极铜', '硫酸'], listing: [szse('000737')], tags: ['地方国企'], note: 'Copper mining and smelting in 垣曲 (中条山); listed through the former 南风化工.' }),
  firm({ id: 'western-mining', name: '西部矿业股份有限公司', shortNames: ['西部矿业'], province: '青海省', city: '西宁市', segments: cu('copper-mining', 'smelting'), products: ['铜精矿', '阴极铜', '锌', '铅'], listing: [sse('601168')], tags: ['地方国企'], note: 'Copper (玉龙 mine) and base metals.' }),
  firm({ id: 'jinchuan', name: '金川集团股份有限公司', shortNames: ['金川集团'], province: '甘肃省', city: '金昌市', segments: cu('smelting', 'electrolytic-copper'), products: ['镍', '阴极铜', '钴', '铂族金属'], tags: ['地方国企'], note: 'Nickel and copper producer of 甘肃.' }),
  // ---- rod, wire, magnet wire, strip, tubes
  firm({ id: 'jintian', name: '宁波金田铜业(集团)股份有限公司', shortNames: ['金田股份', '金田铜业'], province: '浙江省', city: '宁波市', segments: [...cu('scrap-copper', 'rod-wire', 'magnet-wire', 'copper-strip', 'tubes-bars'), ...at('new-energy-vehicle', 'copper-wire'), ...at('intelligent-equipment', 'metals-materials'), ...at('smart-grid', 'conductor-metals')], products: ['铜杆', '漆包线', '扁线', '铜板带', '铜管', '铜棒'], listing: [sse('601609')], tags: ['民营'], note: 'A leading copper fabricator, large user of recycled copper.' }),
  firm({ id: 'jingda', name: '铜陵精达特种电磁线股份有限公司', shortNames: ['精达股份'], province: '安徽省', city: '铜陵市', segments: [...cu('magnet-wire'), ...at('new-energy-vehicle', 'copper-wire'), ...at('smart-grid', 'conductor-metals')], products: ['漆包线', '新能源汽车扁线'], listing: [sse('600577')], tags: [], note: 'A leading magnet-wire maker.' }),
  firm({ id: 'chujiang', name: '安徽楚江科技新材料股份有限公司', shortNames: ['楚江新材'], province: '安徽省', city: '芜湖市', segments: [...cu('copper-strip', 'rod-wire'), ...at('new-energy-vehicle', 'copper-wire')], products: ['铜板带', '铜导体', '碳纤维复合材料'], listing: [szse('002171')], tags: ['民营'], note: 'Copper strip and wire.' }),
  firm({ id: 'gcdt', name: '冠城大通股份有限公司', shortNames: ['冠城大通'], province: '福建省', city: '福州市', segments: cu('magnet-wire'), products: ['漆包线'], listing: [sse('600067')], tags: [], note: 'Magnet wire (大通 subsidiaries) and property.' }),
  firm({ id: 'zhengwei', name: '正威国际集团有限公司', shortNames: ['正威集团', '正威'], province: '广东省', city: '深圳市', segments: cu('rod-wire'), products: ['铜杆', '铜线'], tags: ['民营'], note: 'Private copper group with rod plants in many provinces; unlisted.' }),
  firm({ id: 'boway', name: '宁波博威合金材料股份有限公司', shortNames: ['博威合金'], province: '浙江省', city: '宁波市', segments: cu('copper-strip', 'tubes-bars'), products: ['高性能铜合金带材', '铜合金棒线'], listing: [sse('601137')], tags: ['民营'], note: 'High-performance copper alloys.' }),
  firm({ id: 'hailiang', name: '浙江海亮股份有限公司', shortNames: ['海亮股份'], province: '浙江省', city: '绍兴市', segments: cu('tubes-bars', 'copper-foil'), products: ['空调铜管', '铜棒', '锂电铜箔'], listing: [szse('002203')], tags: ['民营'], note: 'A leading copper-tube maker (诸暨).' }),
  firm({ id: 'jingyi', name: '广东精艺金属股份有限公司', shortNames: ['精艺股份'], province: '广东省', city: '佛山市', segments: cu('tubes-bars'), products: ['空调制冷铜管'], tags: [], note: 'Copper tubes; listed in Shenzhen, code not recorded here.' }),
  // ---- cables
  firm({ id: 'orient-cable', name: '宁波东方电缆股份有限公司', shortNames: ['东方电缆'], province: '浙江省', city: '宁波市', segments: [...windCables, ...cu('cables', 'special-cables')], products: ['海底电缆', '高压电缆', '脐带缆'], listing: [sse('603606')], tags: ['民营'], note: 'Leading submarine-cable maker for offshore wind.' }),
  firm({ id: 'zhongtian', name: '江苏中天科技股份有限公司', shortNames: ['中天科技'], province: '江苏省', city: '南通市', segments: [...windCables, ...pvCables, ...gridCables, ...cu('cables', 'special-cables')], products: ['海缆', '电力电缆', '架空导线', '光纤光缆'], listing: [sse('600522')], tags: ['民营'], note: 'Cables and fibre (如东).' }),
  firm({ id: 'hengtong', name: '江苏亨通光电股份有限公司', shortNames: ['亨通光电'], province: '江苏省', city: '苏州市', segments: [...windCables, ...pvCables, ...gridCables, ...cu('cables')], products: ['海缆', '电力电缆', '光纤光缆'], listing: [sse('600487')], tags: ['民营'], note: 'Fibre and cables (吴江).' }),
  firm({ id: 'hanhe', name: '青岛汉缆股份有限公司', shortNames: ['汉缆股份'], province: '山东省', city: '青岛市', segments: [...windCables, ...gridCables, ...cu('cables')], products: ['高压超高压电缆', '海缆', '特种电缆'], listing: [szse('002498')], tags: ['民营'], note: 'High-voltage and submarine cables.' }),
  firm({ id: 'far-east', name: '远东智慧能源股份有限公司', shortNames: ['远东股份'], province: '江苏省', city: '无锡市', segments: [...pvCables, ...gridCables, ...cu('cables', 'special-cables')], products: ['电线电缆', '新能源电缆', '锂电铜箔'], listing: [sse('600869')], tags: ['民营'], note: 'Large cable maker (宜兴).' }),
  firm({ id: 'baosheng', name: '宝胜科技创新股份有限公司', shortNames: ['宝胜股份'], province: '江苏省', city: '扬州市', segments: [...pvCables, ...gridCables, ...cu('cables', 'special-cables')], products: ['电力电缆', '特种电缆', '光伏电缆'], listing: [sse('600973')], tags: ['央企'], note: 'Cable maker of 中国航空工业 (宝应).' }),
  firm({ id: 'qifan', name: '上海起帆电缆股份有限公司', shortNames: ['起帆电缆'], province: '上海市', city: '上海市', segments: [...gridCables, ...cu('cables')], products: ['电力电缆', '电气装备用电线电缆'], listing: [sse('605222')], tags: ['民营'], note: 'Cable maker.' }),
  firm({ id: 'wanma', name: '浙江万马股份有限公司', shortNames: ['万马股份'], province: '浙江省', city: '杭州市', segments: [...cu('cables', 'special-cables'), ...at('smart-grid', 'insulation-materials')], products: ['电力电缆', '充电桩电缆', '电缆高分子材料'], listing: [szse('002276')], tags: [], note: 'Cables and cable compounds (临安).' }),
  firm({ id: 'gold-cup', name: '金杯电工股份有限公司', shortNames: ['金杯电工'], province: '湖南省', city: '长沙市', segments: [...gridCables, ...cu('cables', 'magnet-wire')], products: ['电力电缆', '电磁线'], listing: [szse('002533')], tags: [], note: 'Cables and magnet wire.' }),
  firm({ id: 'hangzhou-cable', name: '杭州电缆股份有限公司', shortNames: ['杭电股份'], province: '浙江省', city: '杭州市', segments: cu('cables'), products: ['电力电缆', '导线', '光纤'], listing: [sse('603618')], tags: [], note: 'Power cables.' }),
  firm({ id: 'sun-cable', name: '福建南平太阳电缆股份有限公司', shortNames: ['太阳电缆'], province: '福建省', city: '南平市', segments: cu('cables'), products: ['电线电缆'], listing: [szse('002300')], tags: [], note: 'Cable maker.' }),
  firm({ id: 'shangwei', name: '尚纬股份有限公司', shortNames: ['尚纬股份'], province: '四川省', city: '乐山市', segments: cu('special-cables'), products: ['核电电缆', '特种电缆'], listing: [sse('603333')], tags: [], note: 'Special cables.' }),
  firm({ id: 'tongguang', name: '江苏通光电子线缆股份有限公司', shortNames: ['通光线缆'], province: '江苏省', city: '南通市', segments: [...gridCables, ...cu('special-cables')], products: ['OPGW', '航天线缆', '特种电缆'], listing: [szse('300265')], tags: [], note: 'Optical ground wire and special cables (海门).' }),
  firm({ id: 'shangshang', name: '江苏上上电缆集团有限公司', shortNames: ['上上电缆'], province: '江苏省', city: '常州市', segments: [...cu('cables', 'special-cables'), ...gridCables], products: ['电力电缆', '特种电缆', '核电电缆'], tags: ['民营'], note: 'Large private cable maker (溧阳); unlisted.' }),
  // ---- foil, laminates, electronics, users
  firm({ id: 'chaohua', name: '广东超华科技股份有限公司', shortNames: ['超华科技'], province: '广东省', city: '梅州市', segments: cu('copper-foil', 'copper-clad-laminate'), products: ['电子电路铜箔', '覆铜板'], tags: [], note: 'Copper foil and laminates; listed in Shenzhen, code not recorded here.' }),
  firm({ id: 'shengyi', name: '广东生益科技股份有限公司', shortNames: ['生益科技'], province: '广东省', city: '东莞市', segments: cu('copper-clad-laminate'), products: ['刚性覆铜板', '挠性覆铜板', '高频高速覆铜板'], listing: [sse('600183')], tags: [], note: 'A leading domestic laminate maker.' }),
  firm({ id: 'nanya-ccl', name: '南亚新材料科技股份有限公司', shortNames: ['南亚新材'], province: '上海市', city: '上海市', segments: cu('copper-clad-laminate'), products: ['覆铜板', '粘结片'], listing: [sse('688519')], tags: [], note: 'Laminates.' }),
  firm({ id: 'huazheng', name: '浙江华正新材料股份有限公司', shortNames: ['华正新材'], province: '浙江省', city: '杭州市', segments: cu('copper-clad-laminate'), products: ['覆铜板', '复合材料'], listing: [sse('603186')], tags: [], note: 'Laminates.' }),
  firm({ id: 'scc', name: '深南电路股份有限公司', shortNames: ['深南电路'], province: '广东省', city: '深圳市', segments: cu('electronics'), products: ['印制电路板', '封装基板'], listing: [szse('002916')], tags: ['央企'], note: 'PCBs and substrates, 中国航空工业.' }),
  firm({ id: 'avary', name: '鹏鼎控股(深圳)股份有限公司', shortNames: ['鹏鼎控股'], province: '广东省', city: '深圳市', segments: cu('electronics'), products: ['柔性电路板', '印制电路板'], listing: [szse('002938')], tags: [], note: 'A leading PCB maker.' }),
  firm({ id: 'wus', name: '沪士电子股份有限公司', shortNames: ['沪电股份'], province: '江苏省', city: '苏州市', segments: cu('electronics'), products: ['高速印制电路板'], listing: [szse('002463')], tags: [], note: 'Server and automotive PCBs (昆山).' }),
  firm({ id: 'jcet', name: '江苏长电科技股份有限公司', shortNames: ['长电科技'], province: '江苏省', city: '无锡市', segments: cu('electronics'), products: ['集成电路封装测试'], listing: [sse('600584')], tags: [], note: 'A leading Chinese chip packager (江阴).' }),
  firm({ id: 'kangqiang', name: '宁波康强电子股份有限公司', shortNames: ['康强电子'], province: '浙江省', city: '宁波市', segments: cu('electronics'), products: ['引线框架', '键合丝'], listing: [szse('002119')], tags: [], note: 'Lead frames.' }),
  firm({ id: 'gree', name: '珠海格力电器股份有限公司', shortNames: ['格力电器', '格力'], province: '广东省', city: '珠海市', segments: cu('appliances-buildings'), products: ['空调', '压缩机', '电机'], listing: [szse('000651')], tags: [], note: 'A leading air-conditioner maker.' }),
  firm({ id: 'midea', name: '美的集团股份有限公司', shortNames: ['美的集团', '美的'], province: '广东省', city: '佛山市', segments: cu('appliances-buildings'), products: ['空调', '家电', '电机', '工业机器人(库卡)'], listing: [szse('000333'), hkex('00300')], tags: ['民营'], note: 'Appliance group (顺德), owns KUKA.' }),
  firm({ id: 'haier', name: '海尔智家股份有限公司', shortNames: ['海尔智家'], province: '山东省', city: '青岛市', segments: cu('appliances-buildings'), products: ['冰箱', '洗衣机', '空调'], listing: [sse('600690'), hkex('06690')], tags: [], note: 'Appliance group.' }),
];

/** Copper-materials segments with fewer than three named firms, and why. */
export const copperMaterialsGaps: readonly ReferenceGap[] = [
  { template: 'copper-materials', segment: 'scrap-copper', reason: 'Scrap copper is collected and sorted by many small recyclers; only 金田股份, a large user of recycled copper, is named with certainty.' },
];
