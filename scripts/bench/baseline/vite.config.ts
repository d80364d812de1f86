import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  build: { outDir: fileURLToPath(new URL('../../../dist-baseline', import.meta.url)), emptyOutDir: true },
  plugins: [
    react(),
    {
      name: 'phases-json',
      generateBundle() {
        this.emitFile({
          type: 'asset',
          fileName: 'phases.json',
          source: '["Preventie","Dreiging","Direct na","Nazorg"]',
        });
      },
    },
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: { globPatterns: ['**/*.{js,html,json}'], navigateFallback: '/index.html' },
    }),
  ],
});
