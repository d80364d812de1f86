/*
 * Loaded into the generated service worker (workbox importScripts in vite.config.ts).
 * The manifest's share_target sends a shared export file here as a POST. Workbox routes
 * only GET requests, so this listener answers the POST: it keeps the file in a cache of
 * its own (one file, replaced by the next share) and sends the browser to the import
 * screen, which reads it from there and shows the preview. Nothing leaves the device.
 */
const SHARE_PATH = '/incidenten/delen/ontvangen';
const SHARED_CACHE = 'gedeeld-bestand';
const SHARED_KEY = '/gedeeld-bestand';

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || url.origin !== self.location.origin || url.pathname !== SHARE_PATH) return;
  event.respondWith(
    (async () => {
      try {
        const form = await event.request.formData();
        const file = form.getAll('bestand').find((value) => typeof value === 'object' && value !== null);
        if (!file) return Response.redirect('/incidenten/delen?gedeeld=leeg', 303);
        const cache = await caches.open(SHARED_CACHE);
        await cache.put(
          SHARED_KEY,
          new Response(file, {
            headers: {
              'content-type': file.type || 'application/octet-stream',
              'x-file-name': encodeURIComponent(file.name || 'gedeeld-bestand.json'),
            },
          }),
        );
        return Response.redirect('/incidenten/delen?gedeeld=1', 303);
      } catch {
        return Response.redirect('/incidenten/delen?gedeeld=fout', 303);
      }
    })(),
  );
});
