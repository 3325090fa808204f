import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web UI lives in web/ and is built to web/dist, which the Fastify server
// serves (src/server/staticWeb.ts). The manifest lets the bench measure the first load.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `vite` dev server proxies the API to a running `npm run dev`.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', ws: true } },
  },
});
