/**
 * Closeness of the combined recruit score: a candidate's headquarters province against the
 * region's province — the same province, a neighbouring one (sharing a land border), or
 * elsewhere. A firm nearby ships to the zone at lower cost and its managers know the province;
 * distance lowers the odds of a branch plant (the gravity reading of investment location:
 * Head & Mayer 2014, "Gravity equations", Handbook of International Economics 4: 131–195).
 *
 * The land borders of the province-level divisions follow the national administrative map;
 * 海南 and 台湾 have none.
 */

/** Land neighbours of each province-level division, by its name without suffix. */
const NEIGHBOURS: Readonly<Record<string, readonly string[]>> = {
  北京: ['天津', '河北'],
  天津: ['北京', '河北'],
  河北: ['北京', '天津', '山西', '内蒙古', '辽宁', '山东', '河南'],
  山西: ['河北', '内蒙古', '陕西', '河南'],
  内蒙古: ['黑龙江', '吉林', '辽宁', '河北', '山西', '陕西', '宁夏', '甘肃'],
  辽宁: ['河北', '内蒙古', '吉林'],
  吉林: ['辽宁', '内蒙古', '黑龙江'],
  黑龙江: ['吉林', '内蒙古'],
  上海: ['江苏', '浙江'],
  江苏: ['上海', '浙江', '安徽', '山东'],
  浙江: ['上海', '江苏', '安徽', '江西', '福建'],
  安徽: ['江苏', '浙江', '江西', '湖北', '河南', '山东'],
  福建: ['浙江', '江西', '广东'],
  江西: ['浙江', '安徽', '湖北', '湖南', '广东', '福建'],
  山东: ['河北', '河南', '安徽', '江苏'],
  河南: ['河北', '山西', '陕西', '湖北', '安徽', '山东'],
  湖北: ['河南', '安徽', '江西', '湖南', '重庆', '陕西'],
  湖南: ['湖北', '江西', '广东', '广西', '贵州', '重庆'],
  广东: ['福建', '江西', '湖南', '广西', '香港', '澳门'],
  广西: ['广东', '湖南', '贵州', '云南'],
  海南: [],
  重庆: ['湖北', '湖南', '贵州', '四川', '陕西'],
  四川: ['重庆', '贵州', '云南', '西藏', '青海', '甘肃', '陕西'],
  贵州: ['四川', '重庆', '湖南', '广西', '云南'],
  云南: ['四川', '贵州', '广西', '西藏'],
  西藏: ['新疆', '青海', '四川', '云南'],
  陕西: ['山西', '内蒙古', '宁夏', '甘肃', '四川', '重庆', '湖北', '河南'],
  甘肃: ['陕西', '宁夏', '内蒙古', '新疆', '青海', '四川'],
  青海: ['甘肃', '新疆', '西藏', '四川'],
  宁夏: ['内蒙古', '陕西', '甘肃'],
  新疆: ['甘肃', '青海', '西藏'],
  香港: ['广东'],
  澳门: ['广东'],
  台湾: [],
};

/**
 * The short name of a province-level division (`'广西壮族自治区'` → `'广西'`), or undefined
 * when the name is not one.
 *
 * @example
 * provinceKey('新疆维吾尔自治区'); // → '新疆'
 * provinceKey('江阴市'); // → undefined
 */
export function provinceKey(name: string): string | undefined {
  const key = Object.keys(NEIGHBOURS).find((k) => name.startsWith(k));
  return key;
}

/**
 * The neighbour table, for tests: every province-level division with its land neighbours.
 *
 * @example
 * provinceNeighbours()['山西']; // ['河北', '内蒙古', '陕西', '河南']
 */
export function provinceNeighbours(): Readonly<Record<string, readonly string[]>> {
  return NEIGHBOURS;
}

/** How close a headquarters province is to the region's province. */
export type Closeness = 'same-province' | 'neighbouring-province' | 'elsewhere' | 'unknown';

/**
 * Closeness of province `hq` to the region's province `home` (full or short names); unknown
 * when either is not a province-level division. Scores: same 1, neighbouring 0.5, elsewhere 0.
 *
 * @example
 * closenessOf('河南省', '山西省'); // → { basis: 'neighbouring-province', value: 0.5 }
 */
export function closenessOf(hq: string | null, home: string | null): { basis: Closeness; value: number } {
  const b = home === null ? undefined : provinceKey(home);
  if (b === undefined || hq === null) return { basis: 'unknown', value: 0 };
  const a = provinceKey(hq);
  // a headquarters outside every province-level division is abroad
  if (a === undefined) return { basis: 'elsewhere', value: 0 };
  if (a === b) return { basis: 'same-province', value: 1 };
  return NEIGHBOURS[b]!.includes(a) ? { basis: 'neighbouring-province', value: 0.5 } : { basis: 'elsewhere', value: 0 };
}
