import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // One test runs the built command line (bin/report-desk.mjs → out/cli): build it first.
    globalSetup: ['scripts/build-cli.mjs']
  }
})
