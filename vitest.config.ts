import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // builds dist/cli.js when missing or stale, for the end-to-end tests of the executable
    globalSetup: ['test/support/build-cli.ts'],
  },
});
