import { defineConfig } from 'vite';

/**
 * The benchmark harness (bench/harness/): a second entry built apart from the app, so that no bench hook ships in
 * the app bundle. scripts/bench.mjs builds it into <app build>/bench-harness/, served from the app's origin.
 */
export default defineConfig({
  root: 'bench/harness',
  base: './',
  build: {
    emptyOutDir: true,
    rollupOptions: {
      input: {
        main: 'bench/harness/index.html',
        bare: 'bench/harness/bare.html',
      },
    },
    chunkSizeWarningLimit: 8000,
  },
  worker: { format: 'es' },
});
