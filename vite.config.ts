import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
/** Where `cycle start` (port 3000 by default) serves the API while `vite` serves the web app in development. */
const apiServer = 'http://127.0.0.1:3000';

/** Builds the React web app from index.html into dist/web, which the Cycle server serves. */
export default defineConfig({
  root,
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      input: path.join(root, 'index.html'),
      output: {
        // Libraries every page needs get chunks of their own, cached across our releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/ },
            { name: 'tanstack-query', test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/healthz': { target: apiServer, changeOrigin: false },
    },
  },
});
