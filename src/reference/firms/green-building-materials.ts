/**
 * Reference firms whose main business is in the green building materials (绿色建材) chain:
 * cement and aggregates, steel structures, prefabricated components, glass, insulation,
 * windows, waterproofing, gypsum board, ceramics, admixtures and builders.
 */
import type { ReferenceFirm, ReferenceGap } from '../types.js';
import { at, firm, hkex, sse, szse } from './build.js';

const gb = (...segments: string[]) => at('green-building-materials', ...segments);

/** Firms filed under the green-building-materials template. */
export const greenBuildingMaterialsFirms: readonly ReferenceFirm[] = [
  firm({ id: 'conch', name: '安徽海螺水泥股份有限公司', shortNames: ['海螺水泥'], province: '安徽省', city: '芜湖市', segments: gb('cement-concrete', 'minerals-aggregates'), products: ['水泥', '熟料', '骨料', '商品混凝土'], listing: [sse('600585'), hkex('00914')], tags: ['地方国企'], note: 'A leading listed cement maker.' }),
  firm({ id: 'cnbm', name: '中国建材股份有限公司', shortNames: ['中国建材'], province: '北京市', city: '北京市', segments: gb('cement-concrete', 'minerals-aggregates'), products: ['水泥', '商品混凝土', '骨料', '石膏板', '玻璃纤维'], listing: [hkex('03323')], tags: ['央企'], note: 'A leading building-materials group; cement through 天山股份; controls 北新建材 and 中国巨石 (listed separately, not linked here).' }),
  firm({ id: 'huaxin', name: '华新水泥股份有限公司', shortNames: ['华新水泥'], province: '湖北省', city: '武汉市', segments: gb('cement-concrete', 'minerals-aggregates'), products: ['水泥', '骨料', '混凝土'], listing: [sse('600801')], tags: [], note: 'Cement and aggregates with plants in Africa and Central Asia; any listing other than Shanghai is not recorded here.' }),
  firm({ id: 'bbmg', name: '北京金隅集团股份有限公司', shortNames: ['金隅集团'], province: '北京市', city: '北京市', segments: gb('cement-concrete', 'wall-materials'), products: ['水泥', '加气混凝土', '新型建材'], listing: [sse('601992'), hkex('02009')], tags: ['地方国企'], note: 'Cement and building-materials group of 北京; controls 冀东水泥.' }),
  firm({ id: 'jidong', name: '唐山冀东水泥股份有限公司', shortNames: ['冀东水泥'], parent: 'bbmg', province: '河北省', city: '唐山市', segments: gb('cement-concrete'), products: ['水泥', '熟料', '骨料'], listing: [szse('000401')], tags: ['地方国企'], note: 'Cement in northern China.' }),
  firm({ id: 'shagang', name: '江苏沙钢集团有限公司', shortNames: ['沙钢集团'], province: '江苏省', city: '苏州市', segments: gb('steel'), products: ['螺纹钢', '线材', '热轧板卷'], tags: ['民营'], note: 'A leading private steel group (张家港); its listed arm 沙钢股份 holds only part of the assets and is not recorded here.' }),
  firm({ id: 'masteel', name: '马鞍山钢铁股份有限公司', shortNames: ['马钢股份'], parent: 'baowu', province: '安徽省', city: '马鞍山市', segments: gb('steel'), products: ['H型钢', '车轮', '板材'], listing: [sse('600808'), hkex('00323')], tags: ['央企'], note: 'Steel mill of 中国宝武; large H-beams.' }),
  firm({ id: 'jinggong', name: '长江精工钢结构(集团)股份有限公司', shortNames: ['精工钢构'], province: '安徽省', city: '六安市', segments: gb('steel-structures', 'green-construction'), products: ['钢结构', '装配式建筑'], listing: [sse('600496')], tags: ['民营'], note: 'Steel-structure contractor, registered in 六安.' }),
  firm({ id: 'hxss', name: '杭萧钢构股份有限公司', shortNames: ['杭萧钢构'], province: '浙江省', city: '杭州市', segments: gb('steel-structures'), products: ['钢结构', '钢结构住宅体系'], listing: [sse('600477')], tags: ['民营'], note: 'Steel-structure housing systems.' }),
  firm({ id: 'honglu', name: '安徽鸿路钢结构(集团)股份有限公司', shortNames: ['鸿路钢构'], province: '安徽省', city: '合肥市', segments: gb('steel-structures'), products: ['钢结构构件', '围护系统'], listing: [szse('002541')], tags: ['民营'], note: 'A leading steel-structure fabricator.' }),
  firm({ id: 'dngj', name: '浙江东南网架股份有限公司', shortNames: ['东南网架'], province: '浙江省', city: '杭州市', segments: gb('steel-structures'), products: ['网架', '钢结构'], listing: [szse('002135')], tags: ['民营'], note: 'Space frames and steel structures.' }),
  firm({ id: 'cscec', name: '中国建筑股份有限公司', shortNames: ['中国建筑'], province: '北京市', city: '北京市', segments: gb('green-construction', 'energy-retrofit'), products: ['房屋建筑', '基础设施', '装配式建筑'], listing: [sse('601668')], tags: ['央企'], note: 'A leading builder.' }),
  firm({ id: 'cscec-st', name: '中建科工集团有限公司', shortNames: ['中建科工'], parent: 'cscec', province: '广东省', city: '深圳市', segments: gb('steel-structures', 'green-construction'), products: ['钢结构工程', '装配式钢结构建筑'], tags: ['央企'], note: 'Steel-structure arm of 中建.' }),
  firm({ id: 'cscec-tech', name: '中建科技集团有限公司', shortNames: ['中建科技'], parent: 'cscec', province: '广东省', city: '深圳市', segments: gb('prefabricated-components', 'building-technology'), products: ['装配式混凝土构件', '装配式建筑设计'], tags: ['央企'], note: 'Prefabrication arm of 中建.' }),
  firm({ id: 'broad-homes', name: '长沙远大住宅工业集团股份有限公司', shortNames: ['远大住工'], province: '湖南省', city: '长沙市', segments: gb('prefabricated-components'), products: ['预制混凝土构件', '装配式建筑设备'], tags: ['民营'], note: 'Precast-concrete housing; Hong Kong-listed, code not recorded here.' }),
  firm({ id: 'sany-construction', name: '三一筑工科技股份有限公司', shortNames: ['三一筑工'], parent: 'sany', province: '北京市', city: '北京市', segments: gb('prefabricated-components'), products: ['预制构件生产线', '装配式建筑体系'], tags: ['民营'], note: 'Prefabrication systems of 三一.' }),
  firm({ id: 'yaopi', name: '上海耀皮玻璃集团股份有限公司', shortNames: ['耀皮玻璃'], province: '上海市', city: '上海市', segments: gb('energy-saving-glass'), products: ['浮法玻璃', 'Low-E玻璃', '汽车玻璃'], listing: [sse('600819')], tags: ['地方国企'], note: 'Architectural and automotive glass.' }),
  firm({ id: 'luyang', name: '山东鲁阳节能材料股份有限公司', shortNames: ['鲁阳节能'], province: '山东省', city: '淄博市', segments: gb('insulation'), products: ['陶瓷纤维', '岩棉', '隔热材料'], listing: [szse('002088')], tags: ['外资'], note: 'Ceramic-fibre and rock-wool insulation (沂源); controlled by Unifrax.' }),
  firm({ id: 'kinlong', name: '广东坚朗五金制品股份有限公司', shortNames: ['坚朗五金'], province: '广东省', city: '东莞市', segments: gb('doors-windows'), products: ['门窗五金', '建筑配套件'], listing: [szse('002791')], tags: ['民营'], note: 'Window and door hardware.' }),
  firm({ id: 'jangho', name: '江河创建集团股份有限公司', shortNames: ['江河集团'], province: '北京市', city: '北京市', segments: gb('doors-windows', 'bipv'), products: ['建筑幕墙', '光伏建筑一体化幕墙', '室内装饰'], listing: [sse('601886')], tags: ['民营'], note: 'Curtain walls including BIPV.' }),
  firm({ id: 'sayyas', name: '哈尔滨森鹰窗业股份有限公司', shortNames: ['森鹰窗业'], province: '黑龙江省', city: '哈尔滨市', segments: gb('doors-windows'), products: ['铝包木窗', '被动式门窗'], tags: ['民营'], note: 'Passive-house windows; listed on ChiNext, code not recorded here.' }),
  firm({ id: 'oriental-yuhong', name: '北京东方雨虹防水技术股份有限公司', shortNames: ['东方雨虹'], province: '北京市', city: '北京市', segments: gb('waterproofing-coatings'), products: ['防水卷材', '防水涂料', '建筑涂料', '砂浆'], listing: [szse('002271')], tags: ['民营'], note: 'A leading waterproofing maker.' }),
  firm({ id: 'keshun', name: '科顺防水科技股份有限公司', shortNames: ['科顺股份'], province: '广东省', city: '佛山市', segments: gb('waterproofing-coatings'), products: ['防水卷材', '防水涂料'], listing: [szse('300737')], tags: ['民营'], note: 'Waterproofing.' }),
  firm({ id: 'bnbm', name: '北新集团建材股份有限公司', shortNames: ['北新建材'], province: '北京市', city: '北京市', segments: gb('gypsum-board', 'waterproofing-coatings', 'wall-materials'), products: ['石膏板', '轻钢龙骨', '防水材料', '涂料'], listing: [szse('000786')], tags: ['央企'], note: 'Dominant gypsum-board maker (龙牌, 泰山), 中国建材 group.' }),
  firm({ id: 'taishan-gypsum', name: '泰山石膏有限公司', shortNames: ['泰山石膏'], parent: 'bnbm', province: '山东省', city: '泰安市', segments: gb('gypsum-board'), products: ['纸面石膏板', '石膏砌块'], tags: ['央企'], note: 'Gypsum-board subsidiary of 北新建材.' }),
  firm({ id: 'cabr', name: '中国建筑科学研究院有限公司', shortNames: ['中国建研院', '建研院'], province: '北京市', city: '北京市', segments: gb('building-technology'), products: ['建筑设计', '绿色建筑咨询', 'PKPM软件', '检测认证'], tags: ['央企'], note: 'National building research institute.' }),
  firm({ id: 'arcplus', name: '华东建筑集团股份有限公司', shortNames: ['华建集团'], province: '上海市', city: '上海市', segments: gb('building-technology'), products: ['建筑设计', '工程咨询'], listing: [sse('600629')], tags: ['地方国企'], note: 'Architecture and engineering design.' }),
  firm({ id: 'glodon', name: '广联达科技股份有限公司', shortNames: ['广联达'], province: '北京市', city: '北京市', segments: gb('building-technology'), products: ['工程造价软件', 'BIM软件', '数字建造平台'], listing: [szse('002410')], tags: ['民营'], note: 'Construction software and BIM.' }),
  firm({ id: 'scg', name: '上海建工集团股份有限公司', shortNames: ['上海建工'], province: '上海市', city: '上海市', segments: gb('green-construction', 'energy-retrofit'), products: ['建筑施工', '城市更新', '预制构件'], listing: [sse('600170')], tags: ['地方国企'], note: 'Builder of 上海.' }),
  firm({ id: 'sxjg', name: '陕西建工集团股份有限公司', shortNames: ['陕西建工'], province: '陕西省', city: '西安市', segments: gb('green-construction'), products: ['建筑施工', '钢结构'], listing: [sse('600248')], tags: ['地方国企'], note: 'Builder of 陕西.' }),
  firm({ id: 'dongpeng', name: '广东东鹏控股股份有限公司', shortNames: ['东鹏控股'], province: '广东省', city: '佛山市', segments: gb('ceramics-sanitary'), products: ['瓷砖', '卫浴'], listing: [szse('003012')], tags: ['民营'], note: 'Tiles and sanitary ware.' }),
  firm({ id: 'monalisa', name: '蒙娜丽莎集团股份有限公司', shortNames: ['蒙娜丽莎'], province: '广东省', city: '佛山市', segments: gb('ceramics-sanitary'), products: ['瓷砖', '陶瓷大板'], listing: [szse('002918')], tags: ['民营'], note: 'Tiles.' }),
  firm({ id: 'dou-home', name: '帝欧家居集团股份有限公司', shortNames: ['帝欧家居'], province: '四川省', city: '成都市', segments: gb('ceramics-sanitary'), products: ['瓷砖', '卫浴'], listing: [szse('002798')], tags: ['民营'], note: 'Tiles (欧神诺) and sanitary ware.' }),
  firm({ id: 'huida', name: '惠达卫浴股份有限公司', shortNames: ['惠达卫浴'], province: '河北省', city: '唐山市', segments: gb('ceramics-sanitary'), products: ['卫生陶瓷', '瓷砖'], listing: [sse('603385')], tags: ['民营'], note: 'Sanitary ware.' }),
  firm({ id: 'arrow', name: '箭牌家居集团股份有限公司', shortNames: ['箭牌家居'], province: '广东省', city: '佛山市', segments: gb('ceramics-sanitary'), products: ['卫生陶瓷', '智能坐便器', '瓷砖'], tags: ['民营'], note: 'Sanitary ware; listed in Shenzhen, code not recorded here.' }),
  firm({ id: 'jomoo', name: '九牧厨卫股份有限公司', shortNames: ['九牧'], province: '福建省', city: '泉州市', segments: gb('ceramics-sanitary'), products: ['卫浴', '智能马桶', '龙头'], tags: ['民营'], note: 'Sanitary ware and fittings; unlisted.' }),
  firm({ id: 'sobute', name: '江苏苏博特新材料股份有限公司', shortNames: ['苏博特'], province: '江苏省', city: '南京市', segments: gb('admixtures'), products: ['聚羧酸减水剂', '混凝土外加剂'], listing: [sse('603916')], tags: [], note: 'Concrete admixtures.' }),
  firm({ id: 'lets', name: '垒知控股集团股份有限公司', shortNames: ['垒知集团'], province: '福建省', city: '厦门市', segments: gb('admixtures'), products: ['混凝土外加剂', '检测服务'], tags: [], note: 'Admixtures (科之杰); listed in Shenzhen, code not recorded here.' }),
  firm({ id: 'redwall', name: '广东红墙新材料股份有限公司', shortNames: ['红墙股份'], province: '广东省', city: '惠州市', segments: gb('admixtures'), products: ['混凝土外加剂'], tags: [], note: 'Admixtures; listed in Shenzhen, code not recorded here.' }),
];

/** Green-building-materials segments with fewer than three named firms, and why. */
export const greenBuildingMaterialsGaps: readonly ReferenceGap[] = [
  { template: 'green-building-materials', segment: 'solid-waste', reason: 'Industrial solid waste is a by-product of power plants, steel mills and mines; no firm specialised in supplying it is named with certainty.' },
  { template: 'green-building-materials', segment: 'wall-materials', reason: 'Aerated blocks and wall panels are made by many regional producers; only 北新建材 and 金隅集团 are named with certainty.' },
  { template: 'green-building-materials', segment: 'insulation', reason: 'Besides 鲁阳节能 and 亚士创能, insulation makers (rock wool, XPS) are regional or foreign-owned and not named with certainty.' },
  { template: 'green-building-materials', segment: 'energy-retrofit', reason: 'Retrofits are local contracts taken by builders; only 中国建筑 and 上海建工 are named with certainty.' },
  { template: 'green-building-materials', segment: 'bipv', reason: 'BIPV products come from module makers and curtain-wall contractors; only 隆基绿能 and 江河集团 are named with certainty.' },
  { template: 'green-building-materials', segment: 'gypsum-board', reason: '北新建材 (with 泰山石膏) holds most of the market; the others are foreign-owned (Knauf, Saint-Gobain) or regional and not named with certainty.' },
];
