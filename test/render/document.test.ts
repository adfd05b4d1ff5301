import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toHtml, toMarkdown, type Doc } from '../../src/render/document.js';
import { assertWellFormed } from './helpers.js';

const doc: Doc = {
  title: '报告 <1>',
  lang: 'zh-CN',
  blocks: [
    { kind: 'heading', level: 2, text: '缺链清单', secondary: 'Gaps', id: 'gaps' },
    { kind: 'paragraph', content: [{ text: '范围：', strong: true }, '酒泉 & 玉门'] },
    { kind: 'table', headers: ['环节', '严重度'], numeric: [false, true], rows: [['叶片|轮毂', '0.45'], [{ text: '钢材', tone: 'missing' }, '1']] },
    { kind: 'na', text: '无数据：没有产值' },
    { kind: 'figure', svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>', caption: '图', fallback: [{ kind: 'paragraph', content: ['图的文字版'] }] },
    { kind: 'mermaid', code: 'flowchart LR\n  a --> b' },
  ],
};

describe('toMarkdown', () => {
  it('writes headings with anchors, tables with escaped cells, figures as their fallback', () => {
    expect(toMarkdown(doc)).toBe(
      [
        '<a id="gaps"></a>\n## 缺链清单 · Gaps',
        '**范围**：酒泉 & 玉门',
        '| 环节 | 严重度 |\n| --- | ---: |\n| 叶片\\|轮毂 | 0.45 |\n| 钢材 | 1 |',
        '> 无数据：没有产值',
        '图的文字版',
        '```mermaid\nflowchart LR\n  a --> b\n```',
      ].join('\n\n') + '\n',
    );
  });

  it('escapes Markdown syntax and keeps line breaks inside cells', () => {
    expect(escapeMarkdown('*a* _b_ <c> [d] `e`\nf')).toBe('\\*a\\* \\_b\\_ \\<c\\> \\[d\\] \\`e\\`<br>f');
  });
});

describe('toHtml', () => {
  const html = toHtml(doc);

  it('writes a well-formed page with the CSS inline and the SVG as is', () => {
    assertWellFormed(html.replace('<!DOCTYPE html>', ''));
    expect(html).toContain('<title>报告 &lt;1&gt;</title>');
    expect(html).toContain('<h2 id="gaps">缺链清单 <small>Gaps</small></h2>');
    expect(html).toContain('<p><strong>范围：</strong>酒泉 &amp; 玉门</p>');
    expect(html).toContain('<td>叶片|轮毂</td><td class="num">0.45</td>');
    expect(html).toContain('<td><span class="tone-missing">钢材</span></td>');
    expect(html).toContain('<p class="na">无数据：没有产值</p>');
    expect(html).toContain('<div class="figure">\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n</div>');
    expect(html).not.toContain('mermaid');
  });
});
