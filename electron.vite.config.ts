import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main and preload are CommonJS bundles: the preload runs in a sandboxed renderer, which cannot load
// ES modules, and native modules (better-sqlite3, keytar) are required at run time, not bundled.
// externalizeDeps also keeps pdfkit external: it reads its data files from its own package directory,
// which bundling would break (the evidence pack's fonts are likewise read from dejavu-fonts-ttf).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything but a few Electron modules: bundle everything.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; parsing ~1 MB cost ~600 ms of every cold start.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          // Counter mode's customer-facing page: its own small bundle (docs/adr/0018-counter-mode.md).
          counter: resolve(__dirname, 'src/renderer/counter.html'),
        },
      },
    },
  },
});
