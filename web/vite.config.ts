/**
 * The web application's build (issue #9): React + Vite, served by the product's own server from
 * web/dist. `npm run dev` runs this config's dev server with hot reload and sends /api to the API
 * server (scripts/dev.ts). Each page is its own chunk (React.lazy), ECharts only with the dashboard.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiPort = process.env.XEPLOAI_API_PORT ?? '3001';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: Number(process.env.PORT ?? 3000),
    strictPort: true,
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}` } },
  },
});
