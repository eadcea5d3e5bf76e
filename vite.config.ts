import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The browser apps, built into dist/web and served by the Node server. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
  // The kiosk camera's models run in a module worker (src/web/kiosk/camera/kiosk-inference.ts).
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
