import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Explicit inputs for the three Electron parts. The main build also emits `web.js`, the web-mode
// server, which runs the same backend in plain Node (used where Electron cannot start, and by E2E).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          web: resolve(__dirname, 'electron/web/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // Two pages: the location app, and the head-office privacy console (served by headoffice/, not by Electron).
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html'), console: resolve(__dirname, 'renderer/console.html') } },
    },
  },
});
