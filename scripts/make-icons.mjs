// Draws the app icons as PNG without any image library: a white clipboard with a
// check mark on the theme colour. Run once; the PNGs are committed in public/icons.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x15, 0x42, 0x73];
const WHITE = [0xff, 0xff, 0xff];
const ORANGE = [0xe1, 0x70, 0x00];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x / size, y / size);
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** scale < 1 keeps the drawing inside the maskable safe zone. */
function drawing(scale) {
  return (u, v) => {
    const x = (u - 0.5) / scale + 0.5;
    const y = (v - 0.5) / scale + 0.5;
    const inBoard = x > 0.24 && x < 0.76 && y > 0.2 && y < 0.84;
    const inClip = x > 0.38 && x < 0.62 && y > 0.15 && y < 0.27;
    if (inClip) return ORANGE;
    if (inBoard) {
      const check = Math.min(distToSegment(x, y, 0.34, 0.53, 0.46, 0.66), distToSegment(x, y, 0.46, 0.66, 0.67, 0.4));
      return check < 0.045 ? BLUE : WHITE;
    }
    return BLUE;
  };
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', png(192, drawing(1)));
writeFileSync('public/icons/icon-512.png', png(512, drawing(1)));
writeFileSync('public/icons/icon-maskable-512.png', png(512, drawing(0.72)));
writeFileSync('public/icons/apple-touch-icon-180.png', png(180, drawing(0.9)));
writeFileSync(
  'public/favicon.svg',
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#154273"/><rect x="24" y="20" width="52" height="64" fill="#fff"/><rect x="38" y="15" width="24" height="12" fill="#e17000"/><path d="M34 53 46 66 67 40" fill="none" stroke="#154273" stroke-width="9"/></svg>\n`,
);
