import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/graph/model.js';
import { parseDataset } from '../../src/model/parse.js';
import { safeHref, toHtml, toMarkdown } from '../../src/render/document.js';
import { toDot } from '../../src/render/dot.js';
import { renderReport } from '../../src/render/report/index.js';
import { HOSTILE_NAMES, hostileDataset } from './hostile.js';

/** The fenced blocks of a Markdown text, as CommonMark closes them: [info, body lines]. */
function fences(md: string): { info: string; body: string[] }[] {
  const out: { info: string; body: string[] }[] = [];
  let open: { fence: string; info: string; body: string[] } | undefined;
  for (const line of md.split('\n')) {
    if (open) {
      const close = /^ {0,3}(`{3,})\s*$/u.exec(line);
      if (close && close[1]!.length >= open.fence.length) {
        out.push({ info: open.info, body: open.body });
        open = undefined;
      } else open.body.push(line);
      continue;
    }
    const start = /^ {0,3}(`{3,})(.*)$/u.exec(line);
    if (start) open = { fence: start[1]!, info: start[2]!.trim(), body: [] };
  }
  return out;
}

describe('Markdown escapes user text for every context it lands in', () => {
  it('table cells, code spans, links, headings and Mermaid blocks', () => {
    const md = toMarkdown({
      title: 't',
      lang: 'en',
      blocks: [
        { kind: 'heading', level: 2, text: '标题\r# 二级 <b>x</b>', id: 'a"b' },
        {
          kind: 'table',
          headers: ['a|b', 'c'],
          rows: [[{ text: 'x|`y`\nz', code: true }, { text: 'go', href: 'javascript:alert(1)' }]],
        },
        { kind: 'paragraph', content: [{ text: 'to', href: '#chain-x)](javascript:alert(1)' }, { text: 'bad', strong: true, href: ' JavaScript:alert(1)' }] },
        { kind: 'mermaid', code: 'flowchart LR\n  s0["名称\n```\n# injected"]' },
      ],
    });
    const lines = md.split('\n');
    expect(lines.filter((line) => line.startsWith('## '))).toEqual(['## 标题<br>\\# 二级 \\<b\\>x\\</b\\>']);
    expect(md).toContain('<a id="a&quot;b"></a>');
    // one table row: a code span with | escaped (GFM) and no line break; the javascript: link is text only
    expect(md).toContain("| `x\\|'y' z` | go |");
    expect(md).not.toMatch(/\]\(\s*javascript:/iu);
    expect(md).toContain('[to](#chain-x%29%5D%28javascript:alert%281%29)');
    expect(md).toContain('**bad**');
    const blocks = fences(md);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.info).toBe('mermaid');
    expect(blocks[0]!.body).toContain('# injected"]');
  });

  it('links: only anchors, http(s), mailto and relative paths', () => {
    expect(safeHref('#chain-wind-power')).toBe('#chain-wind-power');
    expect(safeHref('#chain-风电')).toBe('#chain-风电');
    expect(safeHref('https://example.com/a b')).toBe('https://example.com/a%20b');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:x', 'java\tscript:x', 'data:text/html,<b>', 'vbscript:x']) expect(safeHref(bad), bad).toBeUndefined();
    const html = toHtml({ title: 't', lang: 'en', blocks: [{ kind: 'paragraph', content: [{ text: 'x', href: 'javascript:alert(1)' }] }] });
    expect(html).not.toContain('javascript:');
  });

  it('a report of a dataset with hostile names: no raw tag, no script link, Mermaid blocks closed where they should', () => {
    const model = buildModel(parseDataset(hostileDataset()));
    const md = renderReport(model, { format: 'md', runs: 20 });
    expect(md).not.toMatch(/(?<!\\)<(img|script|svg|b)\b/iu);
    // "](javascript:" only escaped (\](…), as text, or in a Mermaid label, where it is label text
    expect(md.replace(/^(`{3,})mermaid\n[^]*?\n\1$/gmu, '')).not.toMatch(/(?<!\\)\]\(\s*javascript:/iu);
    const blocks = fences(md);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(block.info).toBe('mermaid');
      expect(block.body[0]).toBe('flowchart LR');
      // every line of the block is a Mermaid statement: no name broke out onto a line of its own
      for (const line of block.body.slice(1)) expect(line).toMatch(/^ {2}(s\d+(\[".*"\]:::\w+| --> s\d+)|classDef )/u);
    }
    const html = renderReport(model, { format: 'html', runs: 20 });
    expect(html).not.toMatch(/<(img|script|b)\b/iu);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/iu);
  });
});

describe('DOT quotes and escapes every label and id', () => {
  it('each label reads back as the name it was made from, one statement per line', () => {
    const model = buildModel(parseDataset(hostileDataset()));
    const dot = toDot(model, { chain: 'wind', region: 'jiuquan' });
    const strings = [...dot.matchAll(/"((?:[^"\\]|\\.)*)"/gu)].map((m) => m[1]!.replace(/\\n/gu, '\n').replace(/\\(["\\])/gu, '$1'));
    for (const name of HOSTILE_NAMES.slice(0, 3)) expect(strings.some((s) => s.includes(name))).toBe(true);
    // outside quoted strings nothing of a name is left: every line is a statement or a brace
    for (const line of dot.split('\n')) expect(line.replace(/"((?:[^"\\]|\\.)*)"/gu, '""')).toMatch(/^\s*(digraph ""|subgraph ""|[{}]|graph \[|node \[|edge \[|"" (\[|->)|$)/u);
  });
});
