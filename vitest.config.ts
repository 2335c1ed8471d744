import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['renderer/src/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // CI sums the counts of every runner from these reports (scripts/test-summary.mjs).
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/unit.json' },
  },
});
