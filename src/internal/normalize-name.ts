/**
 * Name normalisation for matching enterprises / organisations across Chinese
 * official texts.
 *
 * Method:
 * - Unicode NFKC first (full-width letters, digits and parentheses become
 *   half-width; CJK compatibility ideographs become unified ideographs).
 * - Pinyin artefact: some official texts were run through a converter that
 *   appends the pinyin reading after (some) characters, e.g.
 *   `強(qiáng)縣域`, `行動(dòng)`, `創(chuàng )新` (sometimes with a stray space and
 *   with half- or full-width parentheses). A parenthesised group directly
 *   after a Han character whose content parses as one or more pinyin
 *   syllables is removed. Ordinary parentheses such as `(甘肃)` or `(ABC)`
 *   are never touched.
 * - Traditional → simplified is done at CHARACTER level only, using OpenCC's
 *   `TSCharacters` table shipped in opencc-js. Phrase tables are avoided on
 *   purpose: `TWPhrases` rewrites vocabulary (`雲風智慧` → `云风智能`,
 *   `軟體` → `软件`), which corrupts proper names; and even the one-to-many
 *   disambiguation table `TSPhrases` is not idempotent, so it cannot produce
 *   a stable matching key (`乾縣` → `乾县`, but `乾县` → `干县`). The price of
 *   character level is that a few one-to-many characters always collapse to
 *   their most common simplified form (`乾坤` → `干坤`); as this happens
 *   identically to traditional and simplified inputs, matching keys stay
 *   consistent.
 *
 * Everything is precompiled at module level and the character table is built
 * lazily on first use, because these functions run on 1e5+ names.
 */
import { Locale } from 'opencc-js/t2cn';

// ---------------------------------------------------------------------------
// Traditional → simplified, character level
// ---------------------------------------------------------------------------

/**
 * A handful of traditional / Hong Kong glyph variants that OpenCC normally
 * routes through its (regional) variant tables rather than `TSCharacters`.
 * They are unambiguous at character level, so they are added here.
 */
const EXTRA_CHARACTERS: ReadonlyArray<readonly [string, string]> = [
  ['衞', '卫'],
  ['敍', '叙'],
  ['粧', '妆'],
  ['糭', '粽'],
  ['簷', '檐'],
  ['痺', '痹'],
  ['睪', '睾'],
  ['枱', '台'],
  ['衹', '只'],
];

let charMap: Map<string, string> | undefined;
let charRegex: RegExp | undefined;

function dictEntries(dict: string | readonly (readonly [string, string])[]): Array<readonly [string, string]> {
  if (typeof dict !== 'string') return [...dict];
  const out: Array<readonly [string, string]> = [];
  for (const item of dict.split('|')) {
    const space = item.indexOf(' ');
    if (space > 0) out.push([item.slice(0, space), item.slice(space + 1)]);
  }
  return out;
}

function isSingleCodePoint(s: string): boolean {
  const cp = s.codePointAt(0);
  return cp !== undefined && s.length === (cp > 0xffff ? 2 : 1);
}

/**
 * Build (once) the character table. `Locale.to.cn` of opencc-js is the dict
 * group `[TSPhrases, TSCharacters]`; only its single-character → single-
 * character entries are kept, which is exactly OpenCC's `TSCharacters`
 * (TSPhrases has no single-character keys). Targets are resolved to a fixed
 * point so that conversion is idempotent.
 */
function getCharTable(): { map: Map<string, string>; regex: RegExp } {
  if (charMap !== undefined && charRegex !== undefined) return { map: charMap, regex: charRegex };
  const raw = new Map<string, string>();
  for (const group of Locale.to['cn'] ?? []) {
    for (const dict of group) {
      for (const [from, to] of dictEntries(dict)) {
        if (from !== to && isSingleCodePoint(from) && isSingleCodePoint(to) && !raw.has(from)) raw.set(from, to);
      }
    }
  }
  for (const [from, to] of EXTRA_CHARACTERS) if (!raw.has(from)) raw.set(from, to);
  const map = new Map<string, string>();
  for (const from of raw.keys()) {
    let to = raw.get(from) as string;
    // resolve chains such as 薴 → 苧 → 苎 (bounded in case of a cycle)
    for (let i = 0; i < 8 && raw.has(to); i++) to = raw.get(to) as string;
    if (to !== from) map.set(from, to);
  }
  const cls = [...map.keys()].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
  charMap = map;
  charRegex = new RegExp(`[${cls}]`, 'gu');
  return { map, regex: charRegex };
}

/** Non-ASCII check used as a fast path (the table only has CJK keys). */
const NON_ASCII = /[^\u0000-\u007f]/;

function convertCharacters(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  const { map, regex } = getCharTable();
  regex.lastIndex = 0;
  return text.replace(regex, (ch) => map.get(ch) ?? ch);
}

// ---------------------------------------------------------------------------
// Pinyin annotations
// ---------------------------------------------------------------------------

/**
 * Candidate annotation: half- or full-width parenthesised run of latin
 * letters (incl. tone-marked vowels), combining marks and spaces, directly
 * after a Han character. Content is validated by {@link isPinyinGroup}.
 */
const PINYIN_CANDIDATE = /(?<=\p{Script=Han})[(（]([\p{Script=Latin}\p{M} \t\u00a0\u3000]{1,48})[)）]/gu;

/** Toneless, lowercase pinyin syllable (ü written as u or v). */
const PINYIN_SYLLABLE =
  /^(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:a(?:i|ng|n|o)?|e(?:i|ng|n|r)?|o(?:ng|u)?|i(?:a(?:ng|n|o)?|e|ng|n|ong|u)?|u(?:a(?:i|ng|n)?|e|i|n|o)?|v(?:e|an|n)?)|h?ng?|h?m)$/;

/** Pinyin tone marks after NFKD: macron, acute, caron, grave. */
const TONE_MARK = /[\u0304\u0301\u030c\u0300]/;
const COMBINING = /\p{M}/gu;
const UPPERCASE = /\p{Lu}/u;
const SPACES = /[ \t\u00a0\u3000]+/;

function isPinyinGroup(content: string, allowUppercase: boolean): boolean {
  if (!allowUppercase && UPPERCASE.test(content)) return false;
  const parts = content.trim().split(SPACES);
  if (parts.length === 0 || parts[0] === '') return false;
  for (const part of parts) {
    const decomposed = part.normalize('NFKD');
    const base = decomposed.replace(COMBINING, '').toLowerCase().replace(/ɑ/g, 'a').replace(/ɡ/g, 'g');
    if (!PINYIN_SYLLABLE.test(base)) return false;
    // Toneless vowel-initial syllables ("a", "e", "an"...) are more likely
    // labels like "(A)" than neutral-tone readings; require a tone mark.
    if (!TONE_MARK.test(decomposed) && /^[aeo]/.test(base)) return false;
  }
  return true;
}

function stripPinyin(text: string, allowUppercase: boolean): string {
  if (text.indexOf('(') === -1 && text.indexOf('（') === -1) return text;
  // Loop: removing one group can make a following group adjacent to a Han
  // character (`字(zì)(zì)`), so repeat until stable (idempotence).
  for (;;) {
    PINYIN_CANDIDATE.lastIndex = 0;
    const next = text.replace(PINYIN_CANDIDATE, (match, content: string) =>
      isPinyinGroup(content, allowUppercase) ? '' : match,
    );
    if (next === text) return text;
    text = next;
  }
}

/**
 * Remove the pinyin readings that some converted official texts carry after
 * each character (`強(qiáng)縣域` → `強縣域`, `創(chuàng )新` → `創新`).
 *
 * Only a parenthesised group (half- or full-width parentheses) that directly
 * follows a Han character and consists of lowercase pinyin syllables
 * (tone marks, combining marks and spaces allowed) is removed; `(甘肃)`,
 * `(ABC)` or `abc(de)` are left alone. No other normalisation is applied.
 *
 * @example
 * stripPinyinAnnotations('甘肅省“強(qiáng)縣域”行動(dòng)'); // '甘肅省“強縣域”行動'
 * stripPinyinAnnotations('日月重工(甘肃)有限公司');      // unchanged
 */
export function stripPinyinAnnotations(text: string): string {
  return stripPinyin(text, false);
}

/**
 * Clean a whole text: NFKC, pinyin-annotation removal and character-level
 * traditional → simplified conversion. Whitespace, punctuation and legal
 * forms are kept (use {@link normalizeName} for matching keys).
 *
 * @example
 * toSimplified('發(fā)展產(chǎn)業(yè)');        // '发展产业'
 * toSimplified('歐昊新能源電力(甘肅)有限責任公司'); // '欧昊新能源电力(甘肃)有限责任公司'
 */
export function toSimplified(text: string): string {
  return convertCharacters(stripPinyin(text.normalize('NFKC'), false));
}

// ---------------------------------------------------------------------------
// Matching key
// ---------------------------------------------------------------------------

/** Legal-form suffixes (already simplified, NFKC, lowercase), longest first. */
const CJK_LEGAL_SUFFIXES: readonly string[] = [
  '集团股份有限公司',
  '集团有限责任公司',
  '股份有限责任公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '责任有限公司',
  '股份公司',
  '有限公司',
  '(集团)',
  '集团',
  '公司',
].slice().sort((a, b) => b.length - a.length);

/** `公司` is kept in 分公司 / 总公司 / 子公司: a branch is another entity. */
const KEEP_BEFORE_GONGSI = new Set(['分', '总', '子']);

/** co., ltd. / limited / inc. ... as a separate word at the end. */
const LATIN_LEGAL_SUFFIX =
  /[\s,.]*(?<![\p{Script=Latin}\p{N}])(?:co(?:mpany)?[\s.,]*(?:ltd|limited)|ltd|limited|company|co|corporation|corp|incorporated|inc|llc|plc|gmbh)\.?\s*$/u;

/** Cheap pre-check: every latin suffix ends in a latin letter or a dot. */
const LATIN_SUFFIX_HINT = /[a-z.]\s*$/;

const WHITESPACE_RUN = /[\s\p{Cc}\p{Cf}]+/gu;
const PLACE_QUALIFIER = /\(\p{Script=Han}{1,6}\)/gu;
/** Punctuation except parentheses, brackets, braces and `&`. */
const PUNCTUATION = /[^\P{P}()[\]{}&]/gu;

/**
 * Output of one pass made only of these characters cannot change in another
 * pass (NFKC-stable, lowercase, no parentheses, punctuation or spaces; the
 * last step already stripped all suffixes).
 */
const SIMPLE_KEY = /^[\p{Script=Han}a-z0-9]+$/u;

function stripLegalSuffixes(s: string): string {
  for (;;) {
    let next: string | undefined;
    for (const suffix of CJK_LEGAL_SUFFIXES) {
      if (!s.endsWith(suffix)) continue;
      if (suffix === '公司' && KEEP_BEFORE_GONGSI.has(s.charAt(s.length - 3))) continue;
      next = s.slice(0, -suffix.length).trimEnd();
      break;
    }
    if (next === undefined && LATIN_SUFFIX_HINT.test(s)) {
      const m = LATIN_LEGAL_SUFFIX.exec(s);
      if (m !== null) next = s.slice(0, m.index).trimEnd();
    }
    // never reduce a name to nothing: keep the last non-empty form
    if (next === undefined || next === '' || next === s) return s;
    s = next;
  }
}

function normalizeOnce(s: string): string {
  s = s.normalize('NFKC');
  const lower = s.toLowerCase();
  if (lower !== s) s = lower.normalize('NFKC');
  s = convertCharacters(s);
  // the key is case-folded, so "(ZÌ)" and "(zì)" must be treated alike
  s = stripPinyin(s, true);
  s = s.replace(WHITESPACE_RUN, ' ').trim();
  s = stripLegalSuffixes(s); // with word spaces still present (co., ltd.)
  s = s.replace(WHITESPACE_RUN, '');
  if (s.indexOf('(') !== -1) {
    PLACE_QUALIFIER.lastIndex = 0;
    const unqualified = s.replace(PLACE_QUALIFIER, '');
    if (unqualified !== '') s = unqualified;
  }
  PUNCTUATION.lastIndex = 0;
  const unpunctuated = s.replace(PUNCTUATION, '');
  if (unpunctuated !== '') s = unpunctuated;
  return stripLegalSuffixes(s);
}

/**
 * Canonical matching key of an enterprise / organisation name: NFKC,
 * lowercase, no whitespace, pinyin annotations removed, character-level
 * traditional → simplified, short parenthesised qualifiers (`(甘肃)`, ≤ 6 Han
 * characters) removed, punctuation other than brackets removed, and legal-form
 * suffixes (有限公司, 股份有限公司, 集团, co., ltd. ...) stripped repeatedly.
 * A name is never reduced to an empty string by stripping, and the function is
 * idempotent (`normalizeName(normalizeName(s)) === normalizeName(s)`).
 *
 * @example
 * normalizeName('甘肅省云風智慧風電設備有限公司');    // '甘肃省云风智慧风电设备'
 * normalizeName('欧昊新能源电力(甘肃)有限责任公司');  // '欧昊新能源电力'
 * normalizeName('ＡＢＣ　有限公司');                  // 'abc'
 */
export function normalizeName(name: string): string {
  let s = normalizeOnce(name);
  // Removals can expose new matches (e.g. removing a qualifier makes a pinyin
  // group adjacent to a Han character), so iterate to a fixed point. A key
  // made only of (already simplified) Han characters, a-z and 0-9 is provably
  // a fixed point, which skips the confirming pass for almost all names. The
  // cap is a safety net.
  for (let i = 0; i < 8 && !SIMPLE_KEY.test(s); i++) {
    const next = normalizeOnce(s);
    if (next === s) return s;
    s = next;
  }
  return s;
}

/**
 * Keys of place names that may precede a firm's name in a local text (`酒泉九鼎风电叶片`): each
 * name normalised and, when it ends in 省, 市, 县, 区, 自治区 or 自治州, also without that suffix
 * (keys of fewer than two characters left out); longest first, so 甘肃省 is removed before 甘肃.
 *
 * @example
 * placeNameKeys(['甘肃省', '酒泉市']); // ['甘肃省', '酒泉市', '甘肃', '酒泉']
 */
export function placeNameKeys(names: Iterable<string>): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const key = normalizeName(name);
    if (key.length < 2) continue;
    keys.add(key);
    const bare = key.replace(/(?:省|市|县|区|自治区|自治州)$/u, '');
    if (bare.length >= 2) keys.add(bare);
  }
  return [...keys].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
