/**
 * Datasets and a capturing io for the command-line tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/usage.js';
import type { DatasetInput } from '../../src/model/schema.js';

/**
 * A valid dataset: 酒泉 with a wind chain taken from the dataset's own template (3 template
 * segments + 1 of its own) and a PV chain listing 2 segments, so 6 segments once resolved;
 * 3 enterprises, 2 supply links, 1 project.
 */
export function validDataset(): DatasetInput {
  return {
    meta: { id: 'cli-demo', name: '命令行测试', region: 'jiuquan' },
    regions: [
      { id: 'gansu', name: '甘肃省', kind: '省' },
      { id: 'jiuquan', name: '酒泉市', kind: 'city', parent: 'gansu' },
    ],
    templates: [
      {
        id: 'wind-template',
        name: '风电装备模板',
        segments: [
          { id: 'blade', name: '叶片', stage: '中游' },
          { id: 'turbine', name: '整机', stage: '中游' },
          { id: 'farm', name: '风电场', stage: '下游' },
        ],
        flows: [
          { from: 'blade', to: 'turbine' },
          { from: 'turbine', to: 'farm' },
        ],
      },
    ],
    chains: [
      { id: 'wind', name: '风电装备', template: 'wind-template', segments: [{ id: 'fastener', name: '紧固件', stage: '上游' }] },
      {
        id: 'pv',
        name: '光伏',
        segments: [
          { id: 'frame', name: '边框', stage: '中游' },
          { id: 'module', name: '组件', stage: '中游' },
        ],
        flows: [{ from: 'frame', to: 'module' }],
      },
    ],
    enterprises: [
      { id: 'jiuding', name: '九鼎风电叶片', region: 'jiuquan', segments: [{ chain: 'wind', segment: 'blade' }] },
      { id: 'yunfeng', name: '云风智慧', region: 'jiuquan', segments: [{ chain: 'wind', segment: 'turbine' }], role: '链主' },
      { id: 'zhengtai', name: '正泰新能源', region: 'jiuquan', segments: [{ chain: 'pv', segment: 'module' }] },
    ],
    links: [
      { from: 'jiuding', to: 'yunfeng', segment: { chain: 'wind', segment: 'blade' }, status: 'brokered' },
      { from: 'yunfeng', to: 'zhengtai' },
    ],
    projects: [{ id: 'p1', name: '叶片扩产', region: 'jiuquan', chain: 'wind', segment: 'blade', status: '在建' }],
  };
}

/** A temporary folder, removed by the returned `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'industrial-chain-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a file in `dir` and returns its path. */
export function writeFixture(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/**
 * A JSON dataset written over several lines and cut off on line 5, inside the regions array.
 */
export const TRUNCATED_JSON = [
  '{',
  '  "meta": { "id": "cut", "name": "截断" },',
  '  "regions": [',
  '    { "id": "gansu", "name": "甘肃省", "kind": "province" },',
  '    { "id": "jiuquan", "name": "酒泉',
].join('\n');

/**
 * Latin-1 bytes that are neither UTF-8 nor GB18030: `é` (0xE9) followed by `"` and a lone 0xFF.
 */
export function latin1Bytes(): Uint8Array {
  const head = Buffer.from('{"meta":{"id":"x","name":"Caf', 'latin1');
  const tail = Buffer.from('"},"regions":[],"chains":[]}', 'latin1');
  return Buffer.concat([head, Buffer.from([0xe9, 0x20, 0xff, 0xff]), tail]);
}

/** An io that records what is written; `env` sets no locale unless given. */
export function captureIo(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env };
  return {
    io,
    get stdout() {
      return out.join('\n');
    },
    get stderr() {
      return err.join('\n');
    },
  };
}
