import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset, saveDataset } from '../../src/node.js';
import { tempDir } from '../fixtures/io/fixtures.js';
import { bigDataset } from './big-dataset.js';

const LOOP = fileURLToPath(new URL('./save-loop.ts', import.meta.url));
// delays after a complete save, spread over the next one (tens to hundreds of milliseconds)
const DELAYS = [5, 25, 60, 120, 250];
const KILLS = DELAYS.length;

/** Starts the save loop, waits for its first complete save, then kills it (SIGKILL) a little later. */
function saveAndKill(target: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', LOOP, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`save loop ended (${code}): ${errors}`))));
  });
}

describe('a save killed at any moment leaves the old or the new dataset, never a broken one', () => {
  const variants = [bigDataset('A'), bigDataset('B')];
  for (const [format, name] of [
    ['JSON', 'data.json'],
    ['a CSV folder', 'data/'],
  ] as const) {
    it(`${format}: ${KILLS} SIGKILLs during saves`, async () => {
      const dir = tempDir();
      const target = join(dir, name);
      await saveDataset(variants[0]!, target);
      for (let k = 0; k < KILLS; k++) {
        await saveAndKill(target, DELAYS[k]!);
        const loaded = await loadDataset(target);
        expect(loaded.meta.name === variants[0]!.meta.name ? variants[0] : variants[1]).toEqual(loaded);
      }
      // only the target is left: temporary files and folders of finished saves are gone, and
      // at most one of the killed save (hidden, beside the target)
      const hidden = readdirSync(dir).filter((entry) => entry.startsWith('.'));
      expect(hidden.length).toBeLessThanOrEqual(KILLS);
      expect(existsSync(target)).toBe(true);
    }, 120_000);
  }
});
