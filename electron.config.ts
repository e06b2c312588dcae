import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

// Every electron-vite command passes `--config electron.config.ts`: without it
// electron-vite silently ignores this file and builds from its default folders.
export default defineConfig({
  main: {
    build: {
      // kysely 0.29 ships only ES modules; bundle it into the CommonJS main.
      externalizeDeps: { exclude: ['kysely'] },
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
      outDir: 'out/main',
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with no imports but electron.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') }, external: ['electron'] },
      outDir: 'out/preload',
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      minify: true,
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
