import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/graph/model.js';
import { parseDataset } from '../../src/model/parse.js';
import { dotString, toDot } from '../../src/render/dot.js';
import { seedModel } from '../support/seeds.js';
import { windInput, windModel } from './helpers.js';

const hasDot = spawnSync('dot', ['-V'], { encoding: 'utf8' }).status === 0;

/** Whether braces and quotes balance, outside and inside quoted strings. */
function balanced(dot: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < dot.length; i++) {
    const c = dot[i]!;
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0 && !quoted;
}

describe('dotString', () => {
  it('quotes and escapes', () => {
    expect(dotString('say "hi"')).toBe('"say \\"hi\\""');
    expect(dotString('a\\b')).toBe('"a\\\\b"');
    expect(dotString('上\n下')).toBe('"上\\n下"');
  });
});

describe('toDot', () => {
  const dot = toDot(windModel(), { chain: 'wind' });

  it('has a cluster per segment and the flows between them, left to right', () => {
    expect(dot.startsWith('digraph "wind@jiuquan" {')).toBe(true);
    expect(dot).toContain('rankdir=LR, compound=true');
    expect(dot.match(/subgraph "cluster_/gu)).toHaveLength(5);
    expect(dot).toContain('"s:steel" -> "s:fastener" [ltail="cluster_steel", lhead="cluster_fastener", label="0.4", style=dashed];');
    expect(dot).toContain('"s:blade" -> "s:turbine" [ltail="cluster_blade", lhead="cluster_turbine", label="0.2"];');
    expect(balanced(dot)).toBe(true);
  });

  it('puts local firms in their segment, outside suppliers outside, and supply links between them', () => {
    expect(dot).toContain('"e:yunfeng" [label="★ 甘肃省云风智慧风电设备有限公司", color="#b71c1c"');
    expect(dot).toContain('"e:ruida" [label="瑞达紧固件（在建）", style="rounded,filled,dashed"];');
    expect(dot).toContain('"e:baosteel" [label="宝钢\\n上海市", shape=ellipse');
    expect(dot).toContain('"e:jiuding" -> "e:yunfeng" [color="#1565c0", constraint=false, label="2亿元", penwidth=2.41, style=dashed];');
    expect(dot).not.toContain('goldwind');
  });

  it('escapes names with quotes and backslashes', () => {
    const input = windInput();
    input.enterprises![1] = { ...input.enterprises![1]!, name: '九鼎"叶片"\\厂' };
    const escaped = toDot(buildModel(parseDataset(input, { templates: [] }), { templates: [] }), { chain: 'wind' });
    expect(escaped).toContain('"e:jiuding" [label="九鼎\\"叶片\\"\\\\厂"];');
    expect(balanced(escaped)).toBe(true);
  });

  it.skipIf(!hasDot)('renders with Graphviz for every chain of the jiuquan seed', () => {
    const model = seedModel('jiuquan');
    for (const chain of [windModel(), model].flatMap((m) => m.chains.map((c) => toDot(m, { chain: c.id })))) {
      const run = spawnSync('dot', ['-Tsvg'], { input: chain, encoding: 'utf8' });
      expect(run.stderr).not.toMatch(/error/iu);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('<svg');
    }
  });
});
