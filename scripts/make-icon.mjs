// Writes images/icon.png, the extension's 128x128 icon (package.json `icon`), from code: a
// certificate (a page with a seal and a ribbon) on a rounded blue square. Node's zlib only, no
// image library and no download. Run it again after changing it: `node scripts/make-icon.mjs`.
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const px = Buffer.alloc(SIZE * SIZE * 4);

function blend(x, y, [r, g, b], a) {
  if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || a <= 0) return;
  const i = (y * SIZE + x) * 4;
  const ia = px[i + 3] / 255;
  const oa = a + ia * (1 - a);
  for (const [k, c] of [r, g, b].entries())
    px[i + k] = Math.round((c * a + px[i + k] * ia * (1 - a)) / (oa || 1));
  px[i + 3] = Math.round(oa * 255);
}

/** Fills the shape whose signed distance (negative inside) `sd(x, y)` gives, antialiased. */
function fill(sd, colour) {
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) blend(x, y, colour, Math.min(1, Math.max(0, 0.5 - sd(x + 0.5, y + 0.5))));
}

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const qx = Math.abs(x - (x0 + x1) / 2) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - (y0 + y1) / 2) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const side = (px1, py1, px2, py2) =>
    ((px2 - px1) * (y - py1) - (py2 - py1) * (x - px1)) / Math.hypot(px2 - px1, py2 - py1);
  return -Math.min(side(ax, ay, bx, by), side(bx, by, cx, cy), side(cx, cy, ax, ay));
};

const BLUE = [28, 92, 168];
const PAPER = [246, 244, 236];
const INK = [120, 132, 150];
const GOLD = [222, 166, 38];
const RED = [196, 52, 52];

fill(roundedRect(4, 4, 124, 124, 22), BLUE);
fill(roundedRect(22, 18, 106, 104, 6), PAPER);
for (const [y, x1] of [
  [34, 90],
  [46, 90],
  [58, 74],
  [70, 66],
])
  fill(roundedRect(34, y, x1, y + 5, 2.5), INK);
fill(triangle(74, 86, 86, 86, 72, 114), RED);
fill(triangle(86, 86, 98, 86, 100, 114), RED);
fill(circle(86, 82, 15), GOLD);
fill(circle(86, 82, 9), [240, 200, 90]);

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
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
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) px.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', png);
console.log(`images/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
