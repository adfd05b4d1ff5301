/**
 * Reference firms whose main business is in the coal-mining machinery (煤机装备) chain:
 * hydraulic supports, shearers, conveyors, roadheaders, electro-hydraulic control, mine
 * intelligence and the suppliers of their hydraulics, electrics and sensors.
 */
import type { ReferenceFirm, ReferenceGap } from '../types.js';
import { at, firm, hkex, sse, szse } from './build.js';

const cm = (...segments: string[]) => at('coal-mining-machinery', ...segments);

/** Firms filed under the coal-mining-machinery template. */
export const coalMiningMachineryFirms: readonly ReferenceFirm[] = [
  firm({ id: 'zmj', name: '郑州煤矿机械集团股份有限公司', shortNames: ['郑煤机'], province: '河南省', city: '郑州市', segments: cm('hydraulic-supports', 'hydraulic-components', 'complete-systems', 'after-sales-remanufacturing'), products: ['液压支架', '综采成套装备', '汽车零部件'], listing: [sse('601717'), hkex('00564')], tags: ['地方国企'], note: 'A leading hydraulic-support maker; also auto parts (亚新科, SEG).' }),
  firm({ id: 'ccteg', name: '中国煤炭科工集团有限公司', shortNames: ['中国煤炭科工', '中煤科工'], province: '北京市', city: '北京市', segments: cm('mine-intelligence', 'coal-preparation', 'auxiliary-transport'), products: ['煤机装备', '煤矿安全装备', '洗选工程', '矿山设计'], tags: ['央企'], note: 'Coal-mining research and equipment group (its research institutes in 太原, 唐山, 重庆, 西安, 上海); listed arm 天地科技.' }),
  firm({ id: 'tiandi', name: '天地科技股份有限公司', shortNames: ['天地科技'], parent: 'ccteg', province: '北京市', city: '北京市', segments: cm('shearers', 'conveyors', 'roadheaders', 'electrical-control', 'mine-intelligence', 'complete-systems', 'coal-preparation', 'auxiliary-transport'), products: ['采煤机', '刮板输送机', '掘进机', '电液控制系统', '洗选装备', '防爆无轨胶轮车'], listing: [sse('600582')], tags: ['央企'], note: 'Listed equipment arm of 中国煤炭科工 (天地上海, 天地奔牛, 太原院, 唐山院).' }),
  firm({ id: 'tianma', name: '北京天玛智控科技股份有限公司', shortNames: ['天玛智控'], parent: 'tiandi', province: '北京市', city: '北京市', segments: cm('electrical-control', 'mine-intelligence', 'hydraulic-components'), products: ['电液控制系统', '智能化无人化开采控制系统', '液压阀'], tags: ['央企'], note: 'Electro-hydraulic control for longwalls; listed on the STAR market, code not recorded here.' }),
  firm({ id: 'sany-heavy-equipment', name: '三一重型装备有限公司', shortNames: ['三一重装'], parent: 'sany', province: '辽宁省', city: '沈阳市', segments: cm('hydraulic-supports', 'shearers', 'roadheaders', 'conveyors', 'complete-systems', 'after-sales-remanufacturing'), products: ['掘进机', '采煤机', '液压支架', '矿用卡车'], tags: ['民营'], note: 'Coal-machinery arm of 三一.' }),
  firm({ id: 'bcmm', name: '中煤北京煤矿机械有限责任公司', shortNames: ['北煤机'], parent: 'china-coal', province: '北京市', city: '北京市', segments: cm('hydraulic-supports'), products: ['液压支架'], tags: ['央企'], note: 'Hydraulic supports, part of 中煤能源.' }),
  firm({ id: 'zcmm', name: '中煤张家口煤矿机械有限责任公司', shortNames: ['张煤机'], parent: 'china-coal', province: '河北省', city: '张家口市', segments: cm('conveyors'), products: ['刮板输送机', '转载机', '破碎机'], tags: ['央企'], note: 'Scraper conveyors, part of 中煤能源.' }),
  firm({ id: 'xian-coal-machinery', name: '西安煤矿机械有限公司', shortNames: ['西煤机'], parent: 'shccig', province: '陕西省', city: '西安市', segments: cm('shearers'), products: ['电牵引采煤机'], tags: ['地方国企'], note: 'Shearer maker of 陕煤集团.' }),
  firm({ id: 'tz', name: '太原重工股份有限公司', shortNames: ['太原重工', '太重'], province: '山西省', city: '太原市', segments: [...cm('shearers', 'castings-forgings'), ...at('wind-power', 'turbine-assembly')], products: ['采煤机', '挖掘机', '起重机', '风电机组', '铸锻件'], listing: [sse('600169')], tags: ['地方国企'], note: 'Heavy machinery of 山西; shearers through 太重煤机.' }),
  firm({ id: 'citic-heavy', name: '中信重工机械股份有限公司', shortNames: ['中信重工'], province: '河南省', city: '洛阳市', segments: cm('castings-forgings', 'hoisting-ventilation'), products: ['矿井提升机', '磨机', '大型铸锻件', '特种机器人'], listing: [sse('601608')], tags: [], note: 'Mine hoists and heavy castings and forgings.' }),
  firm({ id: 'crcc-heavy', name: '中国铁建重工集团股份有限公司', shortNames: ['铁建重工'], province: '湖南省', city: '长沙市', segments: cm('roadheaders'), products: ['盾构机', '掘锚一体机', '隧道装备'], listing: [sse('688425')], tags: ['央企'], note: 'Tunnelling machines, including coal roadway machines.' }),
  firm({ id: 'xcmg', name: '徐工集团工程机械股份有限公司', shortNames: ['徐工机械'], province: '江苏省', city: '徐州市', segments: cm('roadheaders'), products: ['工程机械', '掘进机', '矿业机械'], listing: [szse('000425')], tags: ['地方国企'], note: 'Construction and mining machinery.' }),
  firm({ id: 'mas', name: '重庆梅安森科技股份有限公司', shortNames: ['梅安森'], province: '重庆市', city: '重庆市', segments: cm('electronic-components', 'mine-intelligence'), products: ['矿用传感器', '安全监测系统', '智慧矿山平台'], listing: [szse('300275')], tags: [], note: 'Mine safety monitoring.' }),
  firm({ id: 'guangli', name: '光力科技股份有限公司', shortNames: ['光力科技'], province: '河南省', city: '郑州市', segments: cm('electronic-components'), products: ['煤矿安全监控设备', '半导体切割设备'], listing: [szse('300480')], tags: [], note: 'Mine safety sensors and dicing saws.' }),
  firm({ id: 'longruan', name: '北京龙软科技股份有限公司', shortNames: ['龙软科技'], province: '北京市', city: '北京市', segments: cm('mine-intelligence'), products: ['矿山GIS', '智能矿山平台'], tags: [], note: 'Mine software; listed on the STAR market, code not recorded here.' }),
  firm({ id: 'warom', name: '华荣科技股份有限公司', shortNames: ['华荣股份'], province: '上海市', city: '上海市', segments: cm('electrical-control'), products: ['防爆电器', '防爆灯具'], listing: [sse('603855')], tags: ['民营'], note: 'Explosion-proof electrical equipment.' }),
  firm({ id: 'jiadian', name: '哈尔滨电气集团佳木斯电机股份有限公司', shortNames: ['佳电股份'], province: '黑龙江省', city: '佳木斯市', segments: cm('electrical-control'), products: ['防爆电机', '屏蔽电泵'], listing: [szse('000922')], tags: ['央企'], note: 'Explosion-proof motors, 哈电集团.' }),
  firm({ id: 'wolong', name: '卧龙电气驱动集团股份有限公司', shortNames: ['卧龙电驱'], province: '浙江省', city: '绍兴市', segments: cm('electrical-control'), products: ['防爆电机', '工业电机', '微特电机'], listing: [sse('600580')], tags: ['民营'], note: 'Motor group (上虞); explosion-proof motors through 南阳防爆.' }),
  firm({ id: 'hengli-hydraulic', name: '江苏恒立液压股份有限公司', shortNames: ['恒立液压'], province: '江苏省', city: '常州市', segments: cm('hydraulic-components'), products: ['液压油缸', '液压泵阀', '液压系统'], listing: [sse('601100')], tags: ['民营'], note: 'A leading hydraulic-cylinder maker (general hydraulics, not coal-specific).' }),
  firm({ id: 'guomao', name: '江苏国茂减速机股份有限公司', shortNames: ['国茂股份'], province: '江苏省', city: '常州市', segments: cm('gear-reducers'), products: ['通用减速机', '减速电机'], listing: [sse('603915')], tags: ['民营'], note: 'General industrial reducers.' }),
];

/** Coal-mining-machinery segments with fewer than three named firms, and why. */
export const coalMiningMachineryGaps: readonly ReferenceGap[] = [
  { template: 'coal-mining-machinery', segment: 'castings-forgings', reason: 'Mining-machine castings come mostly from the equipment makers\' own foundries; only the heavy forgers 中信重工 and 太原重工 are named with certainty.' },
  { template: 'coal-mining-machinery', segment: 'gear-reducers', reason: 'Conveyor and cutter reducers are mostly made in-house by the equipment makers; only 南高齿 and 国茂股份 are named with certainty.' },
  { template: 'coal-mining-machinery', segment: 'after-sales-remanufacturing', reason: 'Overhaul and remanufacturing are done by the equipment makers and local workshops; only 郑煤机 and 三一重装 are named with certainty.' },
  { template: 'coal-mining-machinery', segment: 'auxiliary-transport', reason: 'Explosion-proof trackless vehicles and monorails come mostly from 中国煤炭科工 (太原研究院) and regional makers not named here with certainty.' },
  { template: 'coal-mining-machinery', segment: 'hoisting-ventilation', reason: 'Only 中信重工 (mine hoists) is named with certainty; fan and pump makers for mines are regional.' },
  { template: 'coal-mining-machinery', segment: 'coal-preparation', reason: 'Coal-preparation plants are designed and equipped largely by 中国煤炭科工 (唐山研究院); other equipment makers are not named with certainty.' },
  { template: 'coal-mining-machinery', segment: 'picks-bolts', reason: 'Picks and roof bolts come from many regional makers; none is named with certainty.' },
  { template: 'coal-mining-machinery', segment: 'mining-cables', reason: 'Mining cables carry a separate safety certificate (MA); which cable makers hold it is not recorded here with certainty.' },
];
