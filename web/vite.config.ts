import { defineConfig } from 'vite';

// The build goes into the Go package that embeds it (internal/serve/dist),
// so `go build` alone gives a binary that serves the page. Relative paths
// and no source maps keep the output small and byte-for-byte repeatable.
export default defineConfig({
  base: './',
  build: {
    outDir: '../internal/serve/dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    modulePreload: { polyfill: false },
  },
});
