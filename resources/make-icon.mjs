// Draws resources/icon.png (128×128, the Marketplace icon vsce requires as PNG): a target
// with a rising progress arc. Run `node resources/make-icon.mjs` after changing it.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const c = size / 2;

function mix(x, y, [r, g, b], alpha) {
  const i = (y * size + x) * 4;
  const a = alpha + (pixels[i + 3] / 255) * (1 - alpha);
  const blend = (old, value) => Math.round((value * alpha + old * (pixels[i + 3] / 255) * (1 - alpha)) / (a || 1));
  pixels[i] = blend(pixels[i], r);
  pixels[i + 1] = blend(pixels[i + 1], g);
  pixels[i + 2] = blend(pixels[i + 2], b);
  pixels[i + 3] = Math.round(a * 255);
}

/** Paints every pixel whose centre is inside `shape` (4×4 supersampled edges). */
function paint(shape, colour) {
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (shape(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
      if (hits) mix(x, y, colour, hits / 16);
    }
  }
}

const roundedSquare = (x, y) => {
  const r = 24, m = 4;
  const dx = Math.max(m + r - x, 0, x - (size - m - r));
  const dy = Math.max(m + r - y, 0, y - (size - m - r));
  return x >= m && x <= size - m && y >= m && y <= size - m && dx * dx + dy * dy <= r * r;
};
const ring = (inner, outer) => (x, y) => {
  const d = Math.hypot(x - c, y - c);
  return d >= inner && d <= outer;
};
const arc = (inner, outer, fromDeg, toDeg) => (x, y) => {
  const d = Math.hypot(x - c, y - c);
  let angle = (Math.atan2(x - c, -(y - c)) * 180) / Math.PI;
  if (angle < 0) angle += 360;
  return d >= inner && d <= outer && angle >= fromDeg && angle <= toDeg;
};

paint(roundedSquare, [23, 50, 77]);
paint(ring(44, 50), [60, 90, 120]);
paint(arc(44, 50, 0, 225), [76, 201, 120]);
paint(ring(28, 34), [235, 240, 245]);
paint((x, y) => Math.hypot(x - c, y - c) <= 14, [255, 196, 61]);

function crc32(buf) {
  let crc = -1;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw)),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
