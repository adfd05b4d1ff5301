/**
 * Reference firms whose main business is in the solar-thermal (光热) chain: ultra-clear glass,
 * special steels, heliostats and receivers, molten-salt storage, steam generation, turbines
 * and controls.
 */
import type { ReferenceFirm, ReferenceGap } from '../types.js';
import { at, firm, hkex, sse, szse } from './build.js';

/** Firms filed under the solar-thermal template. */
export const solarThermalFirms: readonly ReferenceFirm[] = [
  firm({ id: 'jinjing', name: '山东金晶科技股份有限公司', shortNames: ['金晶科技'], province: '山东省', city: '淄博市', segments: [...at('solar-thermal', 'ultra-clear-glass'), ...at('green-building-materials', 'energy-saving-glass')], products: ['超白玻璃', 'Low-E玻璃', '纯碱'], listing: [sse('600586')], tags: [], note: 'Ultra-clear float glass and soda ash.' }),
  firm({ id: 'kibing', name: '株洲旗滨集团股份有限公司', shortNames: ['旗滨集团'], province: '湖南省', city: '株洲市', segments: [...at('solar-thermal', 'ultra-clear-glass'), ...at('green-building-materials', 'energy-saving-glass'), ...at('photovoltaic', 'pv-glass')], products: ['浮法玻璃', '超白玻璃', '节能玻璃', '光伏玻璃'], listing: [sse('601636')], tags: [], note: 'Float-glass maker; registered in 株洲 (its head office location is not recorded here).' }),
  firm({ id: 'xinyi-glass', name: '信义玻璃控股有限公司', shortNames: ['信义玻璃'], province: '香港特别行政区', city: '香港', segments: [...at('solar-thermal', 'ultra-clear-glass'), ...at('green-building-materials', 'energy-saving-glass')], products: ['浮法玻璃', '汽车玻璃', 'Low-E节能玻璃'], listing: [hkex('00868')], tags: [], note: 'Float, automotive and architectural glass; sister company of 信义光能.' }),
  firm({ id: 'tisco', name: '山西太钢不锈钢股份有限公司', shortNames: ['太钢不锈'], parent: 'baowu', province: '山西省', city: '太原市', segments: at('solar-thermal', 'steel-alloys'), products: ['不锈钢板', '耐热不锈钢', '镍基合金'], listing: [szse('000825')], tags: ['央企'], note: 'A leading stainless-steel maker; part of 中国宝武 since 2020.' }),
  firm({ id: 'jiuli', name: '浙江久立特材科技股份有限公司', shortNames: ['久立特材'], province: '浙江省', city: '湖州市', segments: at('solar-thermal', 'steel-alloys'), products: ['不锈钢无缝管', '镍基合金管', '复合管'], listing: [szse('002318')], tags: ['民营'], note: 'Stainless and nickel-alloy tubes for power and chemical plants.' }),
  firm({ id: 'fushun-special', name: '抚顺特殊钢股份有限公司', shortNames: ['抚顺特钢'], province: '辽宁省', city: '抚顺市', segments: at('solar-thermal', 'steel-alloys'), products: ['高温合金', '特种不锈钢', '合金结构钢'], listing: [sse('600399')], tags: [], note: 'Special steels and superalloys.' }),
  firm({ id: 'cosin', name: '浙江可胜技术股份有限公司', shortNames: ['可胜技术'], province: '浙江省', city: '杭州市', segments: at('solar-thermal', 'heliostats', 'receivers', 'control-systems', 'thermal-storage'), products: ['定日镜', '塔式熔盐吸热器', '镜场控制系统', '光热电站技术'], tags: ['民营'], note: 'Tower CSP technology provider (敦煌 and 玉门 tower plants); unlisted.' }),
  firm({ id: 'shouhang', name: '首航高科能源技术股份有限公司', shortNames: ['首航高科'], province: '北京市', city: '北京市', segments: at('solar-thermal', 'mirrors', 'heliostats', 'receivers', 'thermal-storage', 'csp-plant'), products: ['光热电站EPC', '定日镜', '吸热器', '熔盐储热', '空冷系统'], listing: [szse('002665')], tags: [], note: 'Built and owns a molten-salt tower plant in 敦煌.' }),
  firm({ id: 'lanzhou-dacheng', name: '兰州大成科技股份有限公司', shortNames: ['兰州大成', '大成科技'], province: '甘肃省', city: '兰州市', segments: at('solar-thermal', 'heliostats'), products: ['线性菲涅尔集热器', '熔盐线性菲涅尔光热电站'], tags: [], note: 'Linear-Fresnel CSP technology (a Fresnel plant in 敦煌).' }),
  firm({ id: 'xizi', name: '西子清洁能源装备制造股份有限公司', shortNames: ['西子洁能'], formerNames: ['杭州锅炉集团股份有限公司', '杭锅股份'], province: '浙江省', city: '杭州市', segments: at('solar-thermal', 'thermal-storage', 'heat-exchangers'), products: ['熔盐储能系统', '余热锅炉', '光热蒸汽发生系统'], listing: [szse('002534')], tags: [], note: 'Boilers, waste-heat recovery and molten-salt storage.' }),
  firm({ id: 'harbin-electric', name: '哈尔滨电气股份有限公司', shortNames: ['哈尔滨电气', '哈电股份'], province: '黑龙江省', city: '哈尔滨市', segments: at('solar-thermal', 'turbine-generator', 'heat-exchangers'), products: ['汽轮机', '发电机', '电站锅炉'], listing: [hkex('01133')], tags: ['央企'], note: 'Power-equipment maker of 哈电集团.' }),
  firm({ id: 'supcon', name: '浙江中控技术股份有限公司', shortNames: ['中控技术'], province: '浙江省', city: '杭州市', segments: [...at('solar-thermal', 'control-systems'), ...at('intelligent-equipment', 'controllers', 'industrial-software')], products: ['DCS', 'SIS', 'APC', '工业软件'], listing: [sse('688777')], tags: [], note: 'A leading Chinese DCS supplier for process industries.' }),
  firm({ id: 'sciyon', name: '南京科远智慧科技集团股份有限公司', shortNames: ['科远智慧'], province: '江苏省', city: '南京市', segments: at('solar-thermal', 'control-systems'), products: ['DCS', '电厂智能化系统'], listing: [szse('002380')], tags: [], note: 'DCS and plant automation for power plants.' }),
];

/** Solar-thermal segments with fewer than three named firms, and why. */
export const solarThermalGaps: readonly ReferenceGap[] = [
  { template: 'solar-thermal', segment: 'molten-salt', reason: 'Solar-salt (sodium and potassium nitrate) suppliers to Chinese CSP plants are not named here with certainty.' },
  { template: 'solar-thermal', segment: 'mirrors', reason: 'Mirror glass comes from float-glass makers (see ultra-clear-glass) and mirror finishing is done by CSP technology firms; only 首航高科 is named with certainty as a mirror maker.' },
  { template: 'solar-thermal', segment: 'heliostat-drives', reason: 'Slewing and linear drives for heliostats come from general drive makers; none is named here with certainty as a CSP supplier.' },
  { template: 'solar-thermal', segment: 'pumps-valves', reason: 'Molten-salt pumps and valves for Chinese plants are largely imported or made by general pump and valve makers; none is named with certainty.' },
  { template: 'solar-thermal', segment: 'receivers', reason: 'Only the CSP technology firms 可胜技术 and 首航高科 are named with certainty as receiver makers.' },
  { template: 'solar-thermal', segment: 'operation-maintenance', reason: 'Plants are run by their owners (see csp-plant); no independent CSP O&M firm is named with certainty.' },
  { template: 'solar-thermal', segment: 'heat-transfer-oil', reason: 'Synthetic heat-transfer oils are largely imported; only the lubricant arms of 中国石化 and 中国石油 are named with certainty.' },
];
