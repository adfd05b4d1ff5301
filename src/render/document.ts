/**
 * A small document model — headings, paragraphs, tables, lists, figures — and its two
 * serialisations, Markdown (GitHub flavour) and self-contained HTML (inline CSS and SVG, no
 * scripts, no network). The report builds one document and writes it in either format, so both
 * say the same thing.
 */
import { FONT_FAMILY } from './chain-map.js';
import { escapeXml } from './xml.js';

/** Tones of highlighted text. */
export type Tone = 'missing' | 'thin' | 'external' | 'filling' | 'extension' | 'ok' | 'warn' | 'muted' | 'leader';

/** A run of text. */
export type Inline = string | { text: string; strong?: boolean; tone?: Tone; code?: boolean; href?: string };

/** A table cell: one run or several. */
export type Cell = Inline | Inline[];

/** A block of a document. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string; secondary?: string; id?: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'table'; headers: string[]; rows: Cell[][]; numeric?: boolean[]; nowrap?: boolean[]; compact?: boolean }
  | { kind: 'list'; items: Inline[][] }
  /** Data the analyses could not compute: "无数据 / not available: reason". */
  | { kind: 'na'; text: string }
  /** An SVG figure in HTML; the fallback blocks in Markdown. */
  | { kind: 'figure'; svg: string; caption?: string; fallback: Block[]; /** Scale the SVG down to the page width (else scroll). */ fit?: boolean }
  | { kind: 'mermaid'; code: string };

/** A document. */
export interface Doc {
  title: string;
  lang: string;
  blocks: Block[];
}

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * Escapes text for Markdown (inline and table cells); line breaks become `<br>`.
 *
 * @example
 * escapeMarkdown('叶片|轮毂'); // → '叶片\\|轮毂'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\\/gu, '\\\\')
    .replace(/([*_`[\]<>|#~])/gu, '\\$1')
    .replace(/\r\n?|\n/gu, '<br>');
}

// characters a link target keeps as they are; every other one is percent-encoded, so a target
// cannot close the Markdown link, open a tag, or hold a space
const URL_SAFE = /[\p{L}\p{N}\p{M}\-._~!$&'*+,;=:@/?#%]/u;

/**
 * A link target that is safe to emit, or `undefined` when it must not be a link: in-page
 * anchors (`#…`), http(s) and mailto URLs and relative paths are kept, with every character
 * outside a conservative set percent-encoded; any other scheme (`javascript:`, `data:`,
 * `vbscript:`…) gives `undefined`, and the text is shown without a link.
 *
 * @example
 * safeHref('#chain-wind') // → '#chain-wind'
 * safeHref('#a)b c') // → '#a%29b%20c'
 * safeHref('javascript:alert(1)') // → undefined
 */
export function safeHref(href: string): string | undefined {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/u.exec(href.replace(/[\u0000-\u0020\u007F]/gu, ''))?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') return undefined;
  let out = '';
  for (const c of href) out += URL_SAFE.test(c) ? c : encodeURIComponent(c).replace(/[!'()*]/gu, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`);
  return out;
}

function mdLink(text: string, href: string | undefined): string {
  const target = href === undefined ? undefined : safeHref(href);
  return target === undefined ? text : `[${text}](${target})`;
}

/** Inline code: backticks and line breaks cannot stay in a code span; `|` is escaped in tables (GFM). */
function mdCode(text: string, inTable: boolean): string {
  const body = text.replace(/`/gu, "'").replace(/\r\n?|\n/gu, ' ');
  return `\`${inTable ? body.replace(/\|/gu, '\\|') : body}\``;
}

function mdInline(run: Inline, inTable = false): string {
  if (typeof run === 'string') return escapeMarkdown(run);
  if (run.code) return mdCode(run.text, inTable);
  if (run.strong) {
    // CommonMark does not close ** after punctuation followed by a letter (**范围：**酒泉 stays
    // literal): keep leading and trailing punctuation and spaces outside the markers
    const [, lead = '', core = '', trail = ''] = /^([\p{P}\s]*)(.*?)([\p{P}\s]*)$/su.exec(run.text) ?? [];
    if (core === '') return escapeMarkdown(run.text);
    return `${escapeMarkdown(lead)}**${mdLink(escapeMarkdown(core), run.href)}**${escapeMarkdown(trail)}`;
  }
  return mdLink(escapeMarkdown(run.text), run.href);
}

function mdRuns(runs: Cell): string {
  return (Array.isArray(runs) ? runs : [runs]).map((run) => mdInline(run, true)).join('');
}

/** A fenced block whose fence no line of the code can close: longer than any run of backticks in it. */
function mdFence(info: string, code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/gu) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${code}\n${fence}`;
}

function mdBlock(block: Block): string {
  switch (block.kind) {
    case 'heading': {
      const anchor = block.id === undefined ? '' : `<a id="${escapeXml(block.id)}"></a>\n`;
      const secondary = block.secondary === undefined ? '' : ` · ${escapeMarkdown(block.secondary)}`;
      return `${anchor}${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}${secondary}`;
    }
    case 'paragraph':
      return block.content.map((run) => mdInline(run)).join('');
    case 'table': {
      if (block.rows.length === 0) return '';
      const head = `| ${block.headers.map(escapeMarkdown).join(' | ')} |`;
      const rule = `| ${block.headers.map((_, i) => (block.numeric?.[i] ? '---:' : '---')).join(' | ')} |`;
      const rows = block.rows.map((row) => `| ${row.map((cell) => mdRuns(cell) || ' ').join(' | ')} |`);
      return [head, rule, ...rows].join('\n');
    }
    case 'list':
      return block.items.map((item) => `- ${item.map((run) => mdInline(run)).join('')}`).join('\n');
    case 'na':
      return `> ${escapeMarkdown(block.text)}`;
    case 'figure':
      return block.fallback.map(mdBlock).filter((s) => s !== '').join('\n\n');
    case 'mermaid':
      return mdFence('mermaid', block.code);
  }
}

/**
 * A document as GitHub-flavoured Markdown: figures as their fallback blocks (tables, Mermaid).
 *
 * @example
 * toMarkdown({ title: 'x', lang: 'zh-CN', blocks: [{ kind: 'heading', level: 1, text: '报告' }] }); // → '# 报告\n'
 */
export function toMarkdown(doc: Doc): string {
  return `${doc.blocks
    .map(mdBlock)
    .filter((s) => s !== '')
    .join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// HTML

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #eceff1; color: #263238; font-family: ${FONT_FAMILY}; font-size: 14px; line-height: 1.6; }
main { max-width: 1240px; margin: 0 auto; padding: 28px 36px 48px; background: #ffffff; }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid #2e7d32; }
h3 { font-size: 17px; margin: 26px 0 8px; color: #1b5e20; }
h4 { font-size: 15px; margin: 18px 0 6px; }
h1 small, h2 small, h3 small, h4 small { color: #78909c; font-weight: normal; font-size: 0.68em; margin-left: 0.6em; }
p { margin: 6px 0 10px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #cfd8dc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eceff1; font-weight: 700; white-space: nowrap; }
tr:nth-child(even) td { background: #fafafa; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
table.compact { width: auto; min-width: 360px; }
ul { margin: 6px 0 12px; padding-left: 22px; }
li { margin: 2px 0; }
code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 12px; background: #f5f5f5; padding: 0 3px; border-radius: 3px; }
.na { margin: 8px 0 14px; padding: 6px 12px; background: #fff8e1; border-left: 4px solid #ffb300; color: #5d4037; }
.figure { margin: 10px 0 18px; overflow-x: auto; border: 1px solid #eceff1; border-radius: 6px; }
.figure svg { display: block; }
.figure.fit svg { max-width: 100%; height: auto; }
.caption { color: #78909c; font-size: 12px; margin: 4px 0 0; }
.tone-missing { color: #c62828; font-weight: 700; }
.tone-thin { color: #ef6c00; font-weight: 700; }
.tone-external { color: #6a1b9a; font-weight: 700; }
.tone-filling { color: #1565c0; font-weight: 700; }
.tone-ok { color: #2e7d32; font-weight: 700; }
.tone-warn { color: #ad1457; font-weight: 700; }
.tone-extension { color: #00838f; }
.tone-muted { color: #90a4ae; }
.tone-leader { color: #b71c1c; font-weight: 700; }
a { color: #1565c0; text-decoration: none; }
@media print { body { background: #ffffff; } main { padding: 0; max-width: none; } .figure { overflow: visible; border: none; } h2 { break-before: page; } }
`;

function htmlInline(run: Inline): string {
  if (typeof run === 'string') return escapeXml(run);
  let html = run.code ? `<code>${escapeXml(run.text)}</code>` : escapeXml(run.text);
  const href = run.href === undefined ? undefined : safeHref(run.href);
  if (href !== undefined) html = `<a href="${escapeXml(href)}">${html}</a>`;
  if (run.tone !== undefined) html = `<span class="tone-${run.tone}">${html}</span>`;
  return run.strong ? `<strong>${html}</strong>` : html;
}

function htmlRuns(runs: Cell): string {
  return (Array.isArray(runs) ? runs : [runs]).map(htmlInline).join('');
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'heading': {
      const id = block.id === undefined ? '' : ` id="${escapeXml(block.id)}"`;
      const secondary = block.secondary === undefined ? '' : ` <small>${escapeXml(block.secondary)}</small>`;
      return `<h${block.level}${id}>${escapeXml(block.text)}${secondary}</h${block.level}>`;
    }
    case 'paragraph':
      return `<p>${block.content.map(htmlInline).join('')}</p>`;
    case 'table': {
      if (block.rows.length === 0) return '';
      const head = `<tr>${block.headers.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr>`;
      const rows = block.rows.map(
        (row) =>
          `<tr>${row.map((cell, i) => `<td${block.numeric?.[i] ? ' class="num"' : block.nowrap?.[i] ? ' class="nowrap"' : ''}>${htmlRuns(cell)}</td>`).join('')}</tr>`,
      );
      return `<table${block.compact ? ' class="compact"' : ''}>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${item.map(htmlInline).join('')}</li>`).join('\n')}\n</ul>`;
    case 'na':
      return `<p class="na">${escapeXml(block.text)}</p>`;
    case 'figure':
      return `<div class="figure${block.fit ? ' fit' : ''}">\n${block.svg}\n</div>${block.caption === undefined ? '' : `\n<p class="caption">${escapeXml(block.caption)}</p>`}`;
    case 'mermaid':
      return '';
  }
}

/**
 * A document as one self-contained HTML page: CSS inline, SVG figures inline, no scripts, no
 * external resources. The page is also well-formed XML (void elements self-closed), so XML tools
 * can read it.
 *
 * @example
 * toHtml({ title: '报告', lang: 'zh-CN', blocks: [] }).startsWith('<!DOCTYPE html>'); // → true
 */
export function toHtml(doc: Doc): string {
  const body = doc.blocks
    .map(htmlBlock)
    .filter((s) => s !== '')
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeXml(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeXml(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
