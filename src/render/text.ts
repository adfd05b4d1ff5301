/**
 * Text measuring for rendering without a DOM: an estimate of the width of a string in a
 * proportional sans-serif font, in ems, with Chinese (CJK) characters at their full width of 1 em.
 * The widths are deliberately on the wide side of common sans-serif fonts (Noto Sans CJK,
 * Source Han Sans, PingFang, Microsoft YaHei, Arial), so a label measured to fit does fit.
 *
 * Widths (em): CJK ideographs, kana, hangul, full-width forms and CJK punctuation 1; digits
 * 0.56; lower-case latin 0.55 (i, j, l 0.28; f, r, t 0.36; m, w 0.85); upper-case latin 0.68
 * (I 0.3; M, W 0.9); space 0.3; narrow punctuation (. , : ; ' | !) 0.3; other ASCII 0.6; other
 * symbols (★, …, →, arrows, geometric shapes) 1; anything else 1.
 */

const NARROW_LOWER: Record<string, number> = { i: 0.28, j: 0.28, l: 0.28, f: 0.36, r: 0.36, t: 0.36, m: 0.85, w: 0.85 };
const NARROW_UPPER: Record<string, number> = { I: 0.3, J: 0.45, M: 0.9, W: 0.9 };
const NARROW_PUNCTUATION = new Set(['.', ',', ':', ';', "'", '|', '!', '`']);

/**
 * Whether a code point is drawn at full width (1 em): CJK, kana, hangul, full-width forms.
 *
 * @example
 * isFullWidth('风'.codePointAt(0)!); // → true
 * isFullWidth('A'.codePointAt(0)!); // → false
 */
export function isFullWidth(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) || // hangul jamo
    (code >= 0x2e80 && code <= 0x303f) || // CJK radicals, punctuation (、。「」)
    (code >= 0x3040 && code <= 0x33ff) || // kana, CJK symbols
    (code >= 0x3400 && code <= 0x4dbf) || // CJK extension A
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xac00 && code <= 0xd7a3) || // hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xff60) || // full-width forms （）：
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd) // extensions B and later
  );
}

/**
 * Width of one character (a code point) in ems.
 *
 * @example
 * charWidth('叶'); // → 1
 * charWidth('i');  // → 0.28
 */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) {
    if (char >= '0' && char <= '9') return 0.56;
    if (char >= 'a' && char <= 'z') return NARROW_LOWER[char] ?? 0.55;
    if (char >= 'A' && char <= 'Z') return NARROW_UPPER[char] ?? 0.68;
    if (char === ' ') return 0.3;
    if (NARROW_PUNCTUATION.has(char)) return 0.3;
    if (code < 0x20) return 0;
    return 0.6;
  }
  if (isFullWidth(code)) return 1;
  // latin letters with diacritics (pinyin tone marks: ā, é, ǚ)
  if (code >= 0xc0 && code <= 0x24f) return 0.6;
  return 1;
}

/**
 * Estimated width of a string in pixels at a font size (1 em = `fontSize` px).
 *
 * @example
 * textWidth('风电叶片', 12);   // → 48: four ideographs at 1 em
 * textWidth('PACK 4GWh', 10); // → 57.1
 */
export function textWidth(text: string, fontSize = 1): number {
  let em = 0;
  for (const char of text) em += charWidth(char);
  return em * fontSize;
}

/**
 * The longest prefix of `text` that fits in `maxWidth` px, ending with "…" when cut.
 *
 * @example
 * truncateText('甘肃省云风智慧风电设备有限公司', 100, 12); // → '甘肃省云风智慧…'
 */
export function truncateText(text: string, maxWidth: number, fontSize = 1): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const ellipsis = charWidth('…') * fontSize;
  let width = 0;
  let out = '';
  for (const char of text) {
    const w = charWidth(char) * fontSize;
    if (width + w + ellipsis > maxWidth) break;
    width += w;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** Whether a character may start or end a line break opportunity between CJK characters. */
function breaksAround(char: string): boolean {
  return isFullWidth(char.codePointAt(0) ?? 0);
}

/** Characters that must not start a line (Chinese line-breaking rules, 避头点). */
const NO_LINE_START = new Set([...'，。、；：？！）」』】》〉,.;:?!)]}%']);

/**
 * Splits text into the pieces a line may break between: every CJK character on its own, runs of
 * other characters up to and including a following space; closing punctuation sticks to the
 * piece before it.
 */
function pieces(text: string): string[] {
  const out: string[] = [];
  let run = '';
  for (const char of text) {
    if (NO_LINE_START.has(char) && out.length > 0 && run === '') {
      out[out.length - 1] += char;
      continue;
    }
    if (breaksAround(char)) {
      if (run !== '') out.push(run);
      run = '';
      out.push(char);
    } else if (char === ' ') {
      out.push(`${run} `);
      run = '';
    } else run += char;
  }
  if (run !== '') out.push(run);
  return out;
}

/**
 * Wraps text into at most `maxLines` lines of at most `maxWidth` px: breaks between CJK
 * characters and at spaces (a latin word too long for a line is cut); the last line ends with
 * "…" when text remains.
 *
 * @example
 * wrapText('换热及蒸汽发生系统', 60, 12, 2); // → ['换热及蒸汽', '发生系统']
 */
export function wrapText(text: string, maxWidth: number, fontSize = 1, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  const all = pieces(text);
  for (let k = 0; k < all.length; k++) {
    const piece = all[k]!;
    if (textWidth(line + piece.trimEnd(), fontSize) <= maxWidth) {
      line += piece;
      continue;
    }
    if (line !== '') {
      if (lines.length + 1 === maxLines) {
        lines.push(truncateText(`${line}${all.slice(k).join('')}`, maxWidth, fontSize));
        return lines;
      }
      lines.push(line.trimEnd());
      line = '';
    }
    // a piece wider than a whole line: cut it character by character
    let rest = piece;
    while (textWidth(rest.trimEnd(), fontSize) > maxWidth) {
      let head = '';
      for (const char of rest) {
        if (textWidth(head + char, fontSize) > maxWidth) break;
        head += char;
      }
      if (head === '') head = [...rest][0]!;
      lines.push(head);
      rest = rest.slice(head.length);
      if (lines.length === maxLines) {
        lines[maxLines - 1] = truncateText(`${head}${rest}${all.slice(k + 1).join('')}`, maxWidth, fontSize);
        return lines;
      }
    }
    line = rest;
  }
  if (line.trimEnd() !== '') lines.push(line.trimEnd());
  return lines;
}
