import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { kaderPlugin } from './scripts/content/vite-plugin-kader.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export const THEME_COLOR = '#154273';

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  plugins: [
    react(),
    kaderPlugin({
      contentDir: process.env.KADER_CONTENT_DIR ?? 'content',
      schemaFile: 'docs/schemas/kader.schema.json',
    }),
    VitePWA({
      // Never reload under an adviser's hands: a new version is offered, applied on their tap.
      registerType: 'prompt',
      // The CSP forbids inline scripts; the app registers the worker from its own bundle.
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        id: '/',
        name: 'Handelingskader Explosies',
        short_name: 'Explosies',
        description: 'Het landelijk handelingskader bij aanslagen met explosieven, offline bij de hand.',
        lang: 'nl',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: THEME_COLOR,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // "Open with": a colleague's export opens straight in the import preview. The launched
        // file arrives through window.launchQueue (exchange/screens/use-incoming-file.ts).
        file_handlers: [
          {
            action: '/incidenten/delen?geopend=1',
            accept: { 'application/json': ['.json'], 'application/gzip': ['.gz', '.json.gz'] },
          },
        ],
        // Shared from mail or chat on a phone: a POST that public/share-target-sw.js answers.
        share_target: {
          action: '/incidenten/delen/ontvangen',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: {
            files: [
              {
                name: 'bestand',
                accept: ['application/json', 'application/gzip', 'application/x-gzip', '.json', '.gz'],
              },
            ],
          },
        },
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,json,png,svg,webmanifest}'],
        navigateFallback: '/index.html',
        // The share target's POST handler; workbox itself routes only GET requests.
        importScripts: ['/share-target-sw.js'],
        cleanupOutdatedCaches: true,
        // Nothing from other origins is ever cached or fetched.
        runtimeCaching: [],
      },
    }),
  ],
});
