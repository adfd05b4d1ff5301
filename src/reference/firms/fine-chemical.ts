/**
 * Reference firms whose main business is in the fine-chemical (精细化工) chain: sulphur,
 * fluorine and silicon chemistry, basic chemicals, intermediates, electronic and battery
 * chemicals, pharmaceutical and agrochemical intermediates, additives, dyes, coatings and
 * catalysts.
 */
import type { ReferenceFirm, ReferenceGap } from '../types.js';
import { at, firm, hkex, sse, szse } from './build.js';

const fine = (...segments: string[]) => at('fine-chemical', ...segments);

/** Firms filed under the fine-chemical template. */
export const fineChemicalFirms: readonly ReferenceFirm[] = [
  firm({ id: 'kingstone', name: '金石资源集团股份有限公司', shortNames: ['金石资源'], province: '浙江省', city: '杭州市', segments: fine('fluorspar'), products: ['酸级萤石精粉', '冶金级萤石'], listing: [sse('603505')], tags: ['民营'], note: 'A leading fluorspar miner.' }),
  firm({ id: 'yonghe', name: '浙江永和制冷股份有限公司', shortNames: ['永和股份'], province: '浙江省', city: '衢州市', segments: fine('fluorspar', 'hydrofluoric-acid', 'fluorochemicals', 'fluorosilicon-materials'), products: ['萤石', '氢氟酸', '氟制冷剂', 'FEP', 'PTFE'], tags: ['民营'], note: 'Integrated fluorspar-to-fluoropolymer maker with plants in 内蒙古; listed in Shanghai, code not recorded here.' }),
  firm({ id: 'binhua', name: '滨化集团股份有限公司', shortNames: ['滨化股份'], province: '山东省', city: '滨州市', segments: fine('basic-chemicals'), products: ['烧碱', '环氧丙烷', '氯丙烯'], listing: [sse('601678')], tags: [], note: 'Chlor-alkali and derivatives.' }),
  firm({ id: 'sanyou', name: '唐山三友化工股份有限公司', shortNames: ['三友化工'], province: '河北省', city: '唐山市', segments: fine('basic-chemicals', 'organosilicon'), products: ['纯碱', '粘胶短纤', '烧碱', '有机硅'], listing: [sse('600409')], tags: ['地方国企'], note: 'Soda ash, viscose and silicones.' }),
  firm({ id: 'yuanxing', name: '内蒙古远兴能源股份有限公司', shortNames: ['远兴能源'], province: '内蒙古自治区', city: '鄂尔多斯市', segments: fine('basic-chemicals'), products: ['天然碱法纯碱', '小苏打', '尿素'], listing: [szse('000683')], tags: [], note: 'Natural soda ash (阿拉善).' }),
  firm({ id: 'shandong-haihua', name: '山东海化股份有限公司', shortNames: ['山东海化'], province: '山东省', city: '潍坊市', segments: fine('basic-chemicals'), products: ['纯碱', '溴素'], listing: [szse('000822')], tags: ['地方国企'], note: 'Soda ash and bromine.' }),
  firm({ id: 'juhua-group', name: '巨化集团有限公司', shortNames: ['巨化集团', '巨化'], province: '浙江省', city: '衢州市', segments: fine('fluorochemicals'), products: ['氟化工', '氯碱化工', '电子化学品'], tags: ['地方国企'], note: 'Provincial chemical group of 浙江; listed arm 巨化股份; a plant in 酒泉 (甘肃巨化).' }),
  firm({ id: 'juhua', name: '浙江巨化股份有限公司', shortNames: ['巨化股份'], parent: 'juhua-group', province: '浙江省', city: '衢州市', segments: fine('hydrofluoric-acid', 'fluorochemicals', 'fluorosilicon-materials', 'electronic-chemicals', 'basic-chemicals'), products: ['氟制冷剂', '含氟聚合物', '电子级氢氟酸', '烧碱'], listing: [sse('600160')], tags: ['地方国企'], note: 'A leading refrigerant maker.' }),
  firm({ id: 'sanmei', name: '浙江三美化工股份有限公司', shortNames: ['三美股份'], province: '浙江省', city: '金华市', segments: fine('hydrofluoric-acid', 'fluorochemicals'), products: ['无水氟化氢', '氟制冷剂'], listing: [sse('603379')], tags: ['民营'], note: 'HF and refrigerants (武义).' }),
  firm({ id: 'xinan', name: '浙江新安化工集团股份有限公司', shortNames: ['新安股份'], province: '浙江省', city: '杭州市', segments: fine('organosilicon', 'fluorosilicon-materials', 'agrochemicals'), products: ['有机硅单体', '硅橡胶', '草甘膦'], listing: [sse('600596')], tags: [], note: 'Silicones and glyphosate (建德).' }),
  firm({ id: 'xingfa', name: '湖北兴发化工集团股份有限公司', shortNames: ['兴发集团'], province: '湖北省', city: '宜昌市', segments: fine('organosilicon', 'agrochemicals', 'electronic-chemicals'), products: ['草甘膦', '有机硅', '电子级磷酸', '黄磷'], listing: [sse('600141')], tags: ['地方国企'], note: 'Phosphorus chemicals, silicones and electronic chemicals (兴福电子).' }),
  firm({ id: 'longsheng', name: '浙江龙盛集团股份有限公司', shortNames: ['浙江龙盛'], province: '浙江省', city: '绍兴市', segments: fine('intermediates', 'dyes-pigments'), products: ['分散染料', '活性染料', '染料中间体'], listing: [sse('600352')], tags: ['民营'], note: 'A leading dye maker (上虞).' }),
  firm({ id: 'runtu', name: '浙江闰土股份有限公司', shortNames: ['闰土股份'], province: '浙江省', city: '绍兴市', segments: fine('intermediates', 'dyes-pigments'), products: ['分散染料', '活性染料'], listing: [szse('002440')], tags: ['民营'], note: 'Dye maker.' }),
  firm({ id: 'yangnong', name: '江苏扬农化工股份有限公司', shortNames: ['扬农化工'], parent: 'sinochem', province: '江苏省', city: '扬州市', segments: fine('intermediates', 'agrochemicals'), products: ['菊酯类杀虫剂', '草甘膦', '氯代芳烃'], listing: [sse('600486')], tags: ['央企'], note: 'Pesticide maker of 中国中化.' }),
  firm({ id: 'red-sun', name: '南京红太阳股份有限公司', shortNames: ['红太阳'], province: '江苏省', city: '南京市', segments: fine('intermediates', 'agrochemicals'), products: ['吡啶', '百草枯', '敌草快'], listing: [szse('000525')], tags: [], note: 'Pyridine chain and pesticides.' }),
  firm({ id: 'guibao', name: '成都硅宝科技股份有限公司', shortNames: ['硅宝科技'], province: '四川省', city: '成都市', segments: fine('fluorosilicon-materials'), products: ['有机硅密封胶', '硅烷偶联剂'], listing: [szse('300019')], tags: [], note: 'Silicone sealants.' }),
  firm({ id: 'jianghua-micro', name: '江阴江化微电子材料股份有限公司', shortNames: ['江化微'], province: '江苏省', city: '无锡市', segments: fine('electronic-chemicals'), products: ['湿电子化学品'], listing: [sse('603078')], tags: [], note: 'Wet electronic chemicals.' }),
  firm({ id: 'crystal-clear', name: '晶瑞电子材料股份有限公司', shortNames: ['晶瑞电材'], formerNames: ['苏州晶瑞化学股份有限公司'], province: '江苏省', city: '苏州市', segments: fine('electronic-chemicals'), products: ['超净高纯试剂', '光刻胶', '锂电材料'], listing: [szse('300655')], tags: [], note: 'Ultra-pure reagents and photoresists.' }),
  firm({ id: 'peric-gas', name: '中船(邯郸)派瑞特种气体股份有限公司', shortNames: ['中船特气'], province: '河北省', city: '邯郸市', segments: fine('electronic-chemicals'), products: ['三氟化氮', '六氟化钨', '电子特气'], tags: ['央企'], note: 'Fluorine electronic gases (718 所); listed on the STAR market, code not recorded here.' }),
  firm({ id: 'lianhe', name: '联化科技股份有限公司', shortNames: ['联化科技'], province: '浙江省', city: '台州市', segments: fine('pharma-intermediates', 'agrochemicals'), products: ['农药中间体', '医药中间体', '功能化学品'], listing: [szse('002250')], tags: ['民营'], note: 'Custom synthesis for agrochemical and pharma companies.' }),
  firm({ id: 'jiuzhou', name: '浙江九洲药业股份有限公司', shortNames: ['九洲药业'], province: '浙江省', city: '台州市', segments: fine('pharma-intermediates'), products: ['原料药', 'CDMO'], listing: [sse('603456')], tags: ['民营'], note: 'API and CDMO.' }),
  firm({ id: 'asymchem', name: '凯莱英医药集团(天津)股份有限公司', shortNames: ['凯莱英'], province: '天津市', city: '天津市', segments: fine('pharma-intermediates'), products: ['小分子CDMO', '医药中间体'], listing: [szse('002821'), hkex('06821')], tags: ['民营'], note: 'Leading small-molecule CDMO.' }),
  firm({ id: 'apeloa', name: '普洛药业股份有限公司', shortNames: ['普洛药业'], province: '浙江省', city: '金华市', segments: fine('pharma-intermediates'), products: ['原料药', '中间体', 'CDMO'], listing: [szse('000739')], tags: ['民营'], note: 'APIs and intermediates (东阳, 横店集团).' }),
  firm({ id: 'lier', name: '利尔化学股份有限公司', shortNames: ['利尔化学'], province: '四川省', city: '绵阳市', segments: fine('agrochemicals'), products: ['草铵膦', '氯代吡啶类除草剂'], listing: [szse('002258')], tags: [], note: 'Herbicides (glufosinate and pyridine herbicides).' }),
  firm({ id: 'guangxin', name: '安徽广信农化股份有限公司', shortNames: ['广信股份'], province: '安徽省', city: '宣城市', segments: fine('agrochemicals'), products: ['多菌灵', '敌草隆', '光气化产品'], listing: [sse('603599')], tags: ['民营'], note: 'Fungicides and herbicides via phosgenation.' }),
  firm({ id: 'rianlon', name: '天津利安隆新材料股份有限公司', shortNames: ['利安隆'], province: '天津市', city: '天津市', segments: fine('additives'), products: ['抗氧化剂', '光稳定剂', '润滑油添加剂'], listing: [szse('300596')], tags: ['民营'], note: 'Polymer stabilisers.' }),
  firm({ id: 'sunsine', name: '山东阳谷华泰化工股份有限公司', shortNames: ['阳谷华泰'], province: '山东省', city: '聊城市', segments: fine('additives'), products: ['橡胶防焦剂', '促进剂', '不溶性硫磺'], listing: [szse('300121')], tags: ['民营'], note: 'Rubber chemicals.' }),
  firm({ id: 'red-avenue', name: '彤程新材料集团股份有限公司', shortNames: ['彤程新材'], province: '上海市', city: '上海市', segments: fine('additives', 'electronic-chemicals'), products: ['橡胶助剂', '光刻胶', '可降解材料'], listing: [sse('603650')], tags: ['民营'], note: 'Rubber additives and photoresists.' }),
  firm({ id: 'huangma', name: '浙江皇马科技股份有限公司', shortNames: ['皇马科技'], province: '浙江省', city: '绍兴市', segments: fine('additives'), products: ['特种表面活性剂'], listing: [sse('603181')], tags: ['民营'], note: 'Specialty surfactants (上虞).' }),
  firm({ id: 'zanyu', name: '赞宇科技集团股份有限公司', shortNames: ['赞宇科技'], province: '浙江省', city: '杭州市', segments: fine('additives'), products: ['表面活性剂', '油脂化工产品'], tags: ['民营'], note: 'Surfactants and oleochemicals; listed in Shenzhen, code not recorded here.' }),
  firm({ id: 'lomon', name: '龙佰集团股份有限公司', shortNames: ['龙佰集团'], formerNames: ['龙蟒佰利联集团股份有限公司', '龙蟒佰利'], province: '河南省', city: '焦作市', segments: fine('dyes-pigments'), products: ['钛白粉', '海绵钛', '锆制品'], listing: [szse('002601')], tags: ['民营'], note: 'A leading titanium-dioxide pigment maker.' }),
  firm({ id: 'skshu', name: '三棵树涂料股份有限公司', shortNames: ['三棵树'], province: '福建省', city: '莆田市', segments: [...fine('coatings'), ...at('green-building-materials', 'waterproofing-coatings')], products: ['建筑涂料', '木器涂料', '防水材料'], listing: [sse('603737')], tags: ['民营'], note: 'A leading domestic architectural-coatings maker.' }),
  firm({ id: 'asia-cuanon', name: '亚士创能科技(上海)股份有限公司', shortNames: ['亚士创能'], province: '上海市', city: '上海市', segments: [...fine('coatings'), ...at('green-building-materials', 'insulation', 'waterproofing-coatings')], products: ['建筑涂料', '保温装饰一体板', '防水材料'], listing: [sse('603378')], tags: ['民营'], note: 'Architectural coatings and insulated decorative panels.' }),
  firm({ id: 'jinlitai', name: '上海金力泰化工股份有限公司', shortNames: ['金力泰'], province: '上海市', city: '上海市', segments: fine('coatings'), products: ['汽车阴极电泳涂料', '工业涂料'], listing: [szse('300225')], tags: [], note: 'Automotive electrocoat.' }),
  firm({ id: 'yusanxia', name: '重庆三峡油漆股份有限公司', shortNames: ['渝三峡A'], province: '重庆市', city: '重庆市', segments: fine('coatings'), products: ['工业涂料', '防腐涂料'], listing: [szse('000565')], tags: ['地方国企'], note: 'Industrial coatings.' }),
  firm({ id: 'sinocera', name: '山东国瓷功能材料股份有限公司', shortNames: ['国瓷材料'], province: '山东省', city: '东营市', segments: fine('catalysts'), products: ['蜂窝陶瓷载体', '催化材料', '电子陶瓷粉体'], listing: [szse('300285')], tags: ['民营'], note: 'Ceramic powders and catalyst carriers.' }),
  firm({ id: 'kaili', name: '西安凯立新材料股份有限公司', shortNames: ['凯立新材'], province: '陕西省', city: '西安市', segments: fine('catalysts'), products: ['贵金属催化剂'], tags: [], note: 'Precious-metal catalysts for pharma and fine chemicals; listed on the STAR market, code not recorded here.' }),
];

/** Fine-chemical segments with fewer than three named firms, and why. */
export const fineChemicalGaps: readonly ReferenceGap[] = [
  { template: 'fine-chemical', segment: 'fluorspar', reason: 'Fluorspar mining is fragmented among regional miners; only 金石资源 and 永和股份 are named with certainty.' },
  { template: 'fine-chemical', segment: 'industrial-silicon', reason: 'Beyond 合盛硅业 and 东方希望, chemical-grade silicon comes from regional smelters not named here with certainty.' },
];
