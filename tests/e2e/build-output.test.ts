import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (p: string) => readFileSync(`dist/${p}`, 'utf8');

describe('the built PWA', () => {
  it('has a Dutch, installable manifest with normal and maskable icons', () => {
    const manifest = JSON.parse(read('manifest.webmanifest'));
    expect(manifest.lang).toBe('nl');
    expect(manifest.display).toBe('standalone');
    expect(manifest.name).toMatch(/Handelingskader/);
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes}:${i.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
    for (const icon of manifest.icons) {
      const png = readFileSync(`dist${icon.src}`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const [w, h] = icon.sizes.split('x').map(Number);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([w, h]);
    }
  });

  it('precaches the app shell, every script and /kader.json', () => {
    const sw = read('sw.js');
    const html = read('index.html');
    expect(sw).toMatch(/url:"kader\.json"/);
    expect(sw).toMatch(/url:"index\.html"/);
    const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map(([, src]) => src);
    expect(assets.length).toBeGreaterThan(1);
    for (const src of assets) expect(sw).toContain(`"${src}"`);
  });

  it('keeps the validation library and the database out of the first script', () => {
    const html = read('index.html');
    const entry = /<script[^>]+src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const js = read(entry!);
    expect(js).not.toMatch(/ZodError|\$ZodType/);
    expect(js).not.toMatch(/DexieError|dexie/i);
    // Team sync starts after the first render (app/use-background-sync.ts), from its own chunk.
    expect(js).not.toMatch(/storagemutated|\/api\/sync\/v1|stream-tickets/);
    // The search (minisearch and building its index) loads when the search field is used, not at start.
    expect(js).not.toMatch(/MiniSearch/);
  });

  it('has no inline script, which the CSP would block', () => {
    const html = read('index.html');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\//);
      expect(body?.trim()).toBe('');
    }
  });

  it('publishes kader.json with a version that matches the JSON Schema file', () => {
    const kader = JSON.parse(read('kader.json'));
    expect(kader.format).toBe('handelingskader-kader');
    expect(kader.version).toMatch(/^\d{4}\.\d+/);
    const schema = JSON.parse(readFileSync('docs/schemas/kader.schema.json', 'utf8'));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(Object.keys(kader)));
  });
});
