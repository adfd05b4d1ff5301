import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // the reference directory is its own entry so importing the main entry never loads its data
    entry: { index: 'src/index.ts', node: 'src/node.ts', reference: 'src/reference/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'node20',
    treeshake: true,
    // one copy of the model shared by index and node, also in CJS (instanceof DatasetError)
    splitting: true,
    // import.meta.url in the CommonJS build too (loadSeed finds the package's seeds/ from it)
    shims: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
