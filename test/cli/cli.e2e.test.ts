import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, TRUNCATED_JSON, validDataset, writeFixture } from './fixtures.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('the built industrial-chain executable', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it('exits 0 on a valid dataset, 1 on bad input, 2 on bad usage', () => {
    const valid = writeFixture(tmp.dir, 'valid.json', JSON.stringify(validDataset()));
    const truncated = writeFixture(tmp.dir, 'truncated.json', TRUNCATED_JSON);
    const env = { PATH: process.env.PATH, LANG: 'en_US.UTF-8' };
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env });

    const ok = run('validate', valid);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe('valid: 2 chains, 6 segments, 3 enterprises, 2 links, 1 project\n');
    expect(ok.status).toBe(0);

    const bad = run('validate', truncated);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('truncated.json');
    expect(bad.stderr).not.toMatch(/^\s+at /mu);

    expect(run('validate', join(tmp.dir, 'missing.json')).status).toBe(1);
    expect(run('frobnicate').status).toBe(2);
    expect(run('validate').status).toBe(2);

    const v = run('--version');
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(version);
  });
});
