import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normalizeName, placeNameKeys, stripPinyinAnnotations, toSimplified } from '../../src/internal/normalize-name.js';

describe('stripPinyinAnnotations', () => {
  it.each([
    ['強(qiáng)縣域', '強縣域'],
    ['行動(dòng)', '行動'],
    ['發(fā)展', '發展'],
    ['產(chǎn)業(yè)', '產業'],
    ['創(chuàng )新', '創新'], // stray space before the closing paren
    ['產（chǎn）業（yè）', '產業'], // full-width parentheses
    ['強(qia\u0301ng)', '強'], // decomposed tone mark (combining acute)
    ['綠(lǜ)色', '綠色'],
    ['欸(ê̄)', '欸'],
    ['們(men)', '們'], // neutral tone, no tone mark
    ['華為(huá wéi)', '華為'], // space-separated syllables
  ])('%s → %s', (input, expected) => {
    expect(stripPinyinAnnotations(input)).toBe(expected);
  });

  it.each([
    '欧昊新能源电力(甘肃)有限责任公司',
    '日月重工(甘肃)有限公司',
    'Model (ABC)',
    'abc(de)', // latin before the parenthesis
    'word (zì)', // pinyin-looking, but not after a Han character
    '华为(HUAWEI)', // uppercase: not an annotation
    '方案(a)', // toneless vowel: a label, not a reading
    '中国石油(petrochina)', // not a pinyin syllable
    '清控创新基地(临汾)',
    '项目(2024)',
  ])('keeps ordinary parentheses: %s', (input) => {
    expect(stripPinyinAnnotations(input)).toBe(input);
  });

  it('removes consecutive groups (idempotent)', () => {
    expect(stripPinyinAnnotations('字(zì)(zì)')).toBe('字');
  });

  it('does not convert characters or normalise width', () => {
    expect(stripPinyinAnnotations('ＡＢＣ 發(fā)')).toBe('ＡＢＣ 發');
  });
});

describe('toSimplified', () => {
  it.each([
    ['雲風智慧', '云风智慧'], // no phrase rewrite to 智能
    ['緊固件', '紧固件'],
    ['綫纜', '线缆'],
    ['線纜', '线缆'],
    ['風電葉片', '风电叶片'],
    ['甘肅', '甘肃'],
    ['鴻合', '鸿合'],
    ['鑄件', '铸件'],
    ['軟體', '软体'], // not the Taiwan phrase 软件
    ['衞生', '卫生'], // HK glyph variant
    ['發(fā)展', '发展'],
    ['創(chuàng )新', '创新'],
  ])('%s → %s', (input, expected) => {
    expect(toSimplified(input)).toBe(expected);
  });

  it('is character level: one-to-many characters collapse the same way for both scripts', () => {
    expect(toSimplified('乾縣')).toBe('干县');
    expect(toSimplified('乾县')).toBe('干县');
  });

  it('applies NFKC but keeps punctuation, whitespace and legal forms', () => {
    expect(toSimplified('ＡＢＣ（甘肅）有限責任公司\n第二行')).toBe('ABC(甘肃)有限责任公司\n第二行');
  });

  describe('real lines from the seed documents', () => {
    it.each([
      // 000: traditional with pinyin artefact
      [
        '甘肅省“強(qiáng)縣域”行動(dòng)實(shí)施以來,酒泉市樹立“強(qiáng)縣域必須強(qiáng)工業(yè)”的鮮明導(dǎo)向',
        '甘肃省“强县域”行动实施以来,酒泉市树立“强县域必须强工业”的鲜明导向',
      ],
      ['加強(qiáng)規(guī)劃定位', '加强规划定位'],
      ['描繪園區(qū)發(fā)展藍(lán)圖', '描绘园区发展蓝图'],
      ['賦能創(chuàng)新平臺(tái)', '赋能创新平台'],
      ['健全園區(qū)產(chǎn)業(yè)鏈條', '健全园区产业链条'],
      // 001: partly annotated, with stray spaces inside the annotation
      [
        '聚焦精準招商,提升招商引資實(shí)效。該開(kāi)發(fā)區客觀(guān)總結',
        '聚焦精准招商,提升招商引资实效。该开发区客观总结',
      ],
      [
        '以加快科技創(chuàng )新、完善體制機制、優(yōu)化營(yíng)商環(huán)境、拓寬融資渠道為支撐',
        '以加快科技创新、完善体制机制、优化营商环境、拓宽融资渠道为支撑',
      ],
      // 003: traditional without artefact
      ['歐昊新能源電力(甘肅)有限責任公司', '欧昊新能源电力(甘肃)有限责任公司'],
      [
        '促成九鼎風電葉片進入云風智慧供應鏈,瑞達緊固件進入金風科技供應鏈',
        '促成九鼎风电叶片进入云风智慧供应链,瑞达紧固件进入金风科技供应链',
      ],
      ['新晉線纜、綠能科技電線電纜進入華銳風電、明陽智慧等企業供應鏈', '新晋线缆、绿能科技电线电缆进入华锐风电、明阳智慧等企业供应链'],
    ])('%s', (input, expected) => {
      expect(toSimplified(input)).toBe(expected);
    });
  });
});

describe('normalizeName', () => {
  it.each([
    ['酒泉九鼎风电叶片有限公司', '酒泉九鼎风电叶片'],
    ['甘肅省云風智慧風電設備有限公司', '甘肃省云风智慧风电设备'],
    ['瑞達緊固件', '瑞达紧固件'],
    ['ＡＢＣ　有限公司', 'abc'],
    ['欧昊新能源电力(甘肃)有限责任公司', '欧昊新能源电力'],
    ['日月重工(甘肃)有限公司', '日月重工'],
    ['雲風智慧', '云风智慧'],
    ['強(qiáng)縣域', '强县域'],
    ['創(chuàng )新', '创新'],
    // real names from the seeds
    ['歐昊新能源電力(甘肅)有限責任公司', '欧昊新能源电力'],
    ['日月重工(甘肅)有限公司', '日月重工'],
    ['酒泉正泰新能源科技有限公司', '酒泉正泰新能源科技'],
    ['甘肅巨化新材料有限公司', '甘肃巨化新材料'],
    ['酒泉南都電源有限公司', '酒泉南都电源'],
    ['埠瑞聯(lián)特煤機有限公司', '埠瑞联特煤机'],
    ['清控創(chuàng )新基地(臨汾)', '清控创新基地'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it.each([
    ['XX集团股份有限公司', 'xx'],
    ['XX集团有限公司', 'xx'],
    ['XX股份有限公司', 'xx'],
    ['XX(集团)股份有限公司', 'xx'],
    ['XX集团公司', 'xx'],
    ['XX公司', 'xx'],
    ['ABC Technology Co., Ltd.', 'abctechnology'],
    ['ABC Co.,Ltd', 'abc'],
    ['ABC Company Limited', 'abc'],
    ['Costco', 'costco'], // "co" inside a word is not a suffix
  ])('strips legal forms: %s → %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('never strips a name down to nothing', () => {
    expect(normalizeName('有限公司')).toBe('有限公司');
    expect(normalizeName('集团公司')).toBe('集团');
    expect(normalizeName('(甘肃)')).toBe('(甘肃)');
    expect(normalizeName('Ltd.')).toBe('ltd');
  });

  it('keeps branch offices distinct', () => {
    expect(normalizeName('甘肃某某有限公司酒泉分公司')).toBe('甘肃某某有限公司酒泉分公司');
  });

  it('keeps ordinary parentheses that are not a short place qualifier or pinyin', () => {
    expect(normalizeName('甘肅省云風智慧風電設備有限公司(運達股份西北總部)')).toBe(
      '甘肃省云风智慧风电设备有限公司(运达股份西北总部)',
    );
    expect(normalizeName('ABC (China)')).toBe('abc(china)');
    expect(normalizeName('华为(HUAWEI)')).toBe('华为(huawei)');
  });

  it('removes punctuation such as ·、“”"\'《》 and hyphens', () => {
    expect(normalizeName('临汾·甘亭“新型”《工业》、园区-A\'B"')).toBe('临汾甘亭新型工业园区ab');
    expect(normalizeName('中铁－十二局')).toBe('中铁十二局');
  });

  it('matches traditional and simplified spellings of the same name', () => {
    expect(normalizeName('甘肅巨化新材料有限公司')).toBe(normalizeName('甘肃巨化新材料有限公司'));
    expect(normalizeName('新晉綫纜')).toBe(normalizeName('新晋线缆'));
  });

  it('returns an empty string for empty / blank input', () => {
    expect(normalizeName('')).toBe('');
    expect(normalizeName(' \u3000\t ')).toBe('');
  });
});

describe('properties (fast-check)', () => {
  /** Pieces that interact: pinyin groups, qualifiers, suffixes, punctuation, traditional/one-to-many characters, combining marks. */
  const token = fc.constantFrom(
    '有限公司', '有限責任公司', '股份', '集团', '集團', '(集团)', '公司', '分', '(', ')', '（', '）', '甘肃', '(甘肅)',
    '(zì)', '(qiáng)', '( chuàng )', '（yè）', '(ZÌ)', '(a)', '乾', '縣', '县', '風', '电', '葉', '薴', '著', '衞',
    'co', 'ltd', 'Co.,Ltd.', 'limited', '.', ',', ' ', '\u3000', '·', '-', '－', '《', '》', '“', '”', '"', "'",
    'A', 'b', 'Ａ', 'ß', 'İ', '\u0301', '\u0308', 'e', 'ǖ', '?', '1', '２', '\u200b', '가', '\u1100', '\u1161',
  );
  const tokenString = fc.string({ unit: token, maxLength: 12 });
  const cjkChar = fc.constantFrom(...'甘肅省云風智慧電設備有限公司緊固件綫纜線葉片鴻合鑄件乾縣县强強业業产產發发(（)）'.split(''));
  const cjkString = fc.string({ unit: cjkChar, maxLength: 20 });
  const anyString = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), tokenString, cjkString);

  it('normalizeName is idempotent', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const once = normalizeName(s);
        expect(normalizeName(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('normalizeName never throws and never empties a name with a letter or CJK character', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const out = normalizeName(s);
        if (/\p{L}/u.test(s)) expect(out).not.toBe('');
      }),
      { numRuns: 3000 },
    );
  });

  it('toSimplified and stripPinyinAnnotations are idempotent', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const simplified = toSimplified(s);
        expect(toSimplified(simplified)).toBe(simplified);
        const stripped = stripPinyinAnnotations(s);
        expect(stripPinyinAnnotations(stripped)).toBe(stripped);
      }),
      { numRuns: 2000 },
    );
  });
});

// Whole seed documents, when the shared corpus is available on this machine.
const SEEDS = '/work/shared/seeds';
const seedFile = (prefix: string): string | undefined => {
  if (!existsSync(SEEDS)) return undefined;
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  return name === undefined ? undefined : readFileSync(join(SEEDS, name), 'utf8');
};

describe.skipIf(!existsSync(SEEDS))('seed documents', () => {
  it.each(['000_', '001_'])('%s: no pinyin annotation survives toSimplified', (prefix) => {
    const text = seedFile(prefix) ?? '';
    expect(text).toMatch(/\p{Script=Han}\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+) ?\)/u);
    const out = toSimplified(text);
    expect(out).not.toMatch(/\p{Script=Han}[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+[)）]/u);
    expect(out).not.toMatch(/[業產區發強實動創]/u);
    expect(toSimplified(out)).toBe(out);
  });

  it('003: traditional text becomes simplified', () => {
    const out = toSimplified(seedFile('003_') ?? '');
    expect(out).toContain('欧昊新能源电力(甘肃)有限责任公司');
    expect(out).toContain('瑞达紧固件');
    expect(out).not.toMatch(/[歐電肅風葉緊鴻鑄]/u);
  });
});

describe('placeNameKeys', () => {
  it('keeps each place with and without its administrative suffix, longest first', () => {
    expect(placeNameKeys(['甘肃省', '酒泉市', '区'])).toEqual(['甘肃省', '酒泉市', '甘肃', '酒泉']);
    expect(placeNameKeys(['新疆维吾尔自治区', '肅州區'])).toEqual(['新疆维吾尔自治区', '新疆维吾尔', '肃州区', '肃州']);
  });
});
