/**
 * Escaping for XML, SVG and HTML output built as strings.
 */

/** Characters XML 1.0 does not allow (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * Escapes text for XML/HTML element content and attribute values (both quote kinds), dropping
 * the characters XML cannot hold at all.
 *
 * @example
 * escapeXml('A&B <"C">'); // → 'A&amp;B &lt;&quot;C&quot;&gt;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;');
}

/**
 * A number for an SVG attribute: at most two decimals.
 *
 * @example
 * num(12.3456); // → '12.35'
 */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * An id usable in XML (`id`, `url(#…)`) made from any string, deterministic.
 *
 * @example
 * xmlId('map-wind-power-jiuquan'); // → 'ic-map-wind-power-jiuquan-…' (a hash of the text ends it)
 */
export function xmlId(text: string): string {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  const safe = text.replace(/[^A-Za-z0-9_-]/gu, '').slice(0, 40);
  return `ic-${safe}-${(hash >>> 0).toString(36)}`;
}
