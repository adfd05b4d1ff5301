import { describe, expect, it } from 'vitest';
import { locateJsonValues, pathPrefixes } from '../../src/io/json-locate.js';
import { relocateTextIssues } from '../../src/io/locate-text.js';
import { createIssue } from '../../src/model/issues.js';

describe('locateJsonValues', () => {
  it('finds the offset of each wanted value, nested, with escaped and non-identifier keys', () => {
    const text = '{"links": [{"to": "x"}, {"a b": [1, {"q\\u0021":true}], "from":"y"}], "meta":{}}';
    const found = locateJsonValues(text, new Set(['', 'links', 'links[0].to', 'links[1]["a b"][1]["q!"]', 'links[1].from', 'meta', 'links[5]']));
    expect(Object.fromEntries([...found].map(([path, offset]) => [path, text.slice(offset, offset + 4)]))).toEqual({
      '': '{"li',
      links: '[{"t',
      'links[0].to': '"x"}',
      'links[1]["a b"][1]["q!"]': 'true',
      'links[1].from': '"y"}',
      meta: '{}}',
    });
  });

  it('skips a byte order mark and strings holding brackets and commas', () => {
    const text = '\uFEFF[ "a,]}", {"k": [ ] }, 3 ]';
    const found = locateJsonValues(text, new Set(['[1].k', '[2]']));
    expect([text.slice(found.get('[1].k')!, found.get('[1].k')! + 3), text[found.get('[2]')!]]).toEqual(['[ ]', '3']);
  });

  it('lists the prefixes of a path, the path first', () => {
    expect(pathPrefixes(['links', 3, 'to'])).toEqual(['links[3].to', 'links[3]', 'links', '']);
  });
});

describe('relocateTextIssues', () => {
  it('counts columns in code points and falls back to the record of a missing field', () => {
    const text = '{\n  "enterprises": [\n    {"name": "𠀀甲", "output": -1}\n  ]\n}\n';
    const issues = [
      createIssue('negative_amount', ['enterprises', 0, 'output'], { received: -1 }, 'zh-CN'),
      createIssue('missing_field', ['enterprises', 0, 'region'], { expected: 'string' }, 'zh-CN'),
      createIssue('invalid_type', [], { expected: 'object', received: null }, 'zh-CN'),
    ];
    const moved = relocateTextIssues(issues, 'd.json', text, 'json', 'zh-CN');
    expect(moved.map((i) => [i.path, i.params.datasetPath, i.message])).toEqual([
      ['d.json:3:30', 'enterprises[0].output', '企业产值：数值 -1 为负数'],
      ['d.json:3:5', 'enterprises[0].region', '缺少必填字段“企业所在地区”（应为文本）'],
      ['', undefined, '类型错误：应为对象，实际为 null'],
    ]);
  });

  it('reads YAML node ranges', () => {
    const text = 'links:\n  - from: a\n    to: b\n';
    const moved = relocateTextIssues([createIssue('unknown_enterprise', ['links', 0, 'to'], { id: 'b' }, 'en')], 'd.yaml', text, 'yaml', 'en');
    expect([moved[0]!.path, moved[0]!.message]).toEqual(['d.yaml:3:9', 'unknown enterprise "b"']);
  });
});
