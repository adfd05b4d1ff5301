/**
 * Reference firms whose main business is in the intelligent-equipment (智能装备制造) chain:
 * reducers, servo systems, controllers, sensors and vision, industrial software, robots,
 * machine tools and line integrators.
 */
import type { ReferenceFirm, ReferenceGap } from '../types.js';
import { at, firm, sse, szse } from './build.js';

const ie = (...segments: string[]) => at('intelligent-equipment', ...segments);

/** Firms filed under the intelligent-equipment template. */
export const intelligentEquipmentFirms: readonly ReferenceFirm[] = [
  firm({ id: 'huaxiang-shanxi', name: '山西华翔集团股份有限公司', shortNames: ['华翔股份', '华翔集团'], province: '山西省', city: '临汾市', segments: ie('castings-machining'), products: ['压缩机铸件', '工程机械铸件', '汽车零部件铸件'], tags: ['民营'], note: 'Precision castings in 临汾; listed in Shanghai, code not recorded here.' }),
  firm({ id: 'leaderdrive', name: '苏州绿的谐波传动科技股份有限公司', shortNames: ['绿的谐波'], province: '江苏省', city: '苏州市', segments: ie('reducers-transmission'), products: ['谐波减速器', '机电一体化执行器'], listing: [sse('688017')], tags: [], note: 'Leading domestic harmonic-reducer maker.' }),
  firm({ id: 'shuanghuan', name: '浙江双环传动机械股份有限公司', shortNames: ['双环传动'], province: '浙江省', city: '台州市', segments: [...ie('reducers-transmission'), ...at('new-energy-vehicle', 'drive-motors')], products: ['汽车齿轮', '新能源汽车减速器齿轮', 'RV减速器'], listing: [szse('002472')], tags: ['民营'], note: 'Gears; RV reducers through 环动科技 (玉环).' }),
  firm({ id: 'qinchuan', name: '秦川机床工具集团股份公司', shortNames: ['秦川机床'], province: '陕西省', city: '宝鸡市', segments: ie('reducers-transmission', 'cnc-machine-tools'), products: ['齿轮磨床', '数控机床', 'RV减速器', '滚珠丝杠'], listing: [szse('000837')], tags: ['地方国企'], note: 'Gear-grinding machines and robot reducers.' }),
  firm({ id: 'zd-motor', name: '宁波中大力德智能传动股份有限公司', shortNames: ['中大力德'], province: '浙江省', city: '宁波市', segments: ie('reducers-transmission'), products: ['精密减速器', '减速电机'], tags: [], note: 'Reducers and gearmotors; listed in Shenzhen, code not recorded here.' }),
  firm({ id: 'estun', name: '南京埃斯顿自动化股份有限公司', shortNames: ['埃斯顿'], province: '江苏省', city: '南京市', segments: ie('servo-systems', 'industrial-robots'), products: ['工业机器人', '伺服系统', '运动控制'], listing: [szse('002747')], tags: ['民营'], note: 'A leading domestic industrial-robot maker.' }),
  firm({ id: 'leadshine', name: '深圳市雷赛智能控制股份有限公司', shortNames: ['雷赛智能'], province: '广东省', city: '深圳市', segments: ie('servo-systems', 'controllers'), products: ['步进系统', '伺服系统', '运动控制卡'], listing: [szse('002979')], tags: [], note: 'Stepper and servo drives.' }),
  firm({ id: 'xinje', name: '无锡信捷电气股份有限公司', shortNames: ['信捷电气'], province: '江苏省', city: '无锡市', segments: ie('servo-systems', 'controllers'), products: ['PLC', '伺服系统', '人机界面'], listing: [sse('603416')], tags: [], note: 'Small PLCs and servo.' }),
  firm({ id: 'hnc', name: '武汉华中数控股份有限公司', shortNames: ['华中数控'], province: '湖北省', city: '武汉市', segments: ie('controllers', 'servo-systems'), products: ['CNC数控系统', '伺服驱动', '工业机器人'], listing: [szse('300161')], tags: [], note: 'Domestic CNC systems.' }),
  firm({ id: 'opt', name: '广东奥普特科技股份有限公司', shortNames: ['奥普特'], province: '广东省', city: '东莞市', segments: ie('sensors-vision'), products: ['机器视觉光源', '工业相机', '视觉系统'], listing: [sse('688686')], tags: [], note: 'Machine-vision components.' }),
  firm({ id: 'hikvision', name: '杭州海康威视数字技术股份有限公司', shortNames: ['海康威视'], province: '浙江省', city: '杭州市', segments: ie('sensors-vision'), products: ['视频监控', '工业相机', '移动机器人'], listing: [szse('002415')], tags: ['央企'], note: 'Video-surveillance maker controlled by 中国电科; machine vision and AMRs through 海康机器人.' }),
  firm({ id: 'hikrobot', name: '杭州海康机器人股份有限公司', shortNames: ['海康机器人'], parent: 'hikvision', province: '浙江省', city: '杭州市', segments: ie('sensors-vision', 'industrial-robots'), products: ['工业相机', '视觉控制器', 'AMR移动机器人'], tags: ['央企'], note: 'Machine-vision and mobile-robot subsidiary of 海康威视.' }),
  firm({ id: 'hanwei', name: '汉威科技集团股份有限公司', shortNames: ['汉威科技'], province: '河南省', city: '郑州市', segments: [...ie('sensors-vision'), ...at('coal-mining-machinery', 'electronic-components')], products: ['气体传感器', '压力传感器', '监测仪表'], listing: [szse('300007')], tags: [], note: 'Gas and pressure sensors.' }),
  firm({ id: 'baosight', name: '上海宝信软件股份有限公司', shortNames: ['宝信软件'], parent: 'baowu', province: '上海市', city: '上海市', segments: ie('industrial-software'), products: ['MES', '工业互联网平台', 'PLC'], listing: [sse('600845')], tags: ['央企'], note: 'Industrial software of 中国宝武.' }),
  firm({ id: 'yonyou', name: '用友网络科技股份有限公司', shortNames: ['用友网络'], province: '北京市', city: '北京市', segments: ie('industrial-software'), products: ['ERP', '工业互联网平台', 'MES'], listing: [sse('600588')], tags: ['民营'], note: 'Enterprise software.' }),
  firm({ id: 'zwsoft', name: '广州中望龙腾软件股份有限公司', shortNames: ['中望软件'], province: '广东省', city: '广州市', segments: ie('industrial-software'), products: ['CAD', 'CAE'], listing: [sse('688083')], tags: ['民营'], note: 'Domestic CAD software.' }),
  firm({ id: 'siasun', name: '沈阳新松机器人自动化股份有限公司', shortNames: ['新松机器人'], province: '辽宁省', city: '沈阳市', segments: ie('industrial-robots', 'equipment-integration'), products: ['工业机器人', '移动机器人', '数字化工厂'], listing: [szse('300024')], tags: [], note: 'Robots and automation lines (中科院沈阳自动化所).' }),
  firm({ id: 'efort', name: '埃夫特智能装备股份有限公司', shortNames: ['埃夫特'], province: '安徽省', city: '芜湖市', segments: ie('industrial-robots'), products: ['工业机器人', '喷涂机器人'], listing: [sse('688165')], tags: [], note: 'Robot maker of 芜湖.' }),
  firm({ id: 'step', name: '上海新时达电气股份有限公司', shortNames: ['新时达'], province: '上海市', city: '上海市', segments: ie('industrial-robots'), products: ['工业机器人', '电梯控制系统', '变频器'], listing: [szse('002527')], tags: [], note: 'Robots and elevator controls.' }),
  firm({ id: 'haitian-precision', name: '宁波海天精工股份有限公司', shortNames: ['海天精工'], province: '浙江省', city: '宁波市', segments: ie('cnc-machine-tools'), products: ['龙门加工中心', '立式加工中心', '数控车床'], listing: [sse('601882')], tags: ['民营'], note: 'Machining centres.' }),
  firm({ id: 'kede', name: '科德数控股份有限公司', shortNames: ['科德数控'], province: '辽宁省', city: '大连市', segments: ie('cnc-machine-tools', 'controllers'), products: ['五轴联动数控机床', '数控系统'], listing: [sse('688305')], tags: [], note: 'Five-axis machines with its own CNC.' }),
  firm({ id: 'newway', name: '纽威数控装备(苏州)股份有限公司', shortNames: ['纽威数控'], province: '江苏省', city: '苏州市', segments: ie('cnc-machine-tools'), products: ['加工中心', '数控车床'], tags: [], note: 'Machining centres; listed on the STAR market, code not recorded here.' }),
  firm({ id: 'han-laser', name: '大族激光科技产业集团股份有限公司', shortNames: ['大族激光'], province: '广东省', city: '深圳市', segments: ie('cnc-machine-tools', 'equipment-integration'), products: ['激光切割机', '激光焊接设备', 'PCB设备'], listing: [szse('002008')], tags: ['民营'], note: 'A leading laser-equipment maker.' }),
  firm({ id: 'lead-intelligent', name: '无锡先导智能装备股份有限公司', shortNames: ['先导智能'], province: '江苏省', city: '无锡市', segments: ie('equipment-integration'), products: ['锂电池整线设备', '光伏设备', '智能物流系统'], listing: [szse('300450')], tags: ['民营'], note: 'Battery-line equipment and integration.' }),
  firm({ id: 'bozhon', name: '博众精工科技股份有限公司', shortNames: ['博众精工'], province: '江苏省', city: '苏州市', segments: ie('equipment-integration'), products: ['自动化组装线', '检测设备'], tags: ['民营'], note: 'Automation lines (吴江); listed on the STAR market, code not recorded here.' }),
];

/** Intelligent-equipment segments with fewer than three named firms, and why. */
export const intelligentEquipmentGaps: readonly ReferenceGap[] = [
  { template: 'intelligent-equipment', segment: 'castings-machining', reason: 'Castings and machined parts come from many regional foundries and shops; only 日月股份 and 华翔股份 are named with certainty.' },
  { template: 'intelligent-equipment', segment: 'industrial-applications', reason: 'A catch-all for the buying industries; their firms belong to their own chains (car makers under new-energy-vehicle, battery makers under energy-storage).' },
  { template: 'intelligent-equipment', segment: 'maintenance-services', reason: 'Maintenance and remanufacturing are done by the equipment makers\' own service units and local shops; none is named separately with certainty.' },
];
