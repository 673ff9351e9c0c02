// Draws media/icon.png (128×128): a coin with a dollar sign on a rounded teal tile.
// Plain node (zlib + a CRC), 4×4 supersampling; run: node media/icon-src/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const N = 128, SS = 4;
const seg = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
};
// Arc from angle a0 to a1 (radians, increasing, screen coordinates: y down).
const arc = (px, py, cx, cy, r, a0, a1) => {
  let a = Math.atan2(py - cy, px - cx);
  while (a < a0) a += 2 * Math.PI;
  if (a <= a1) return Math.abs(Math.hypot(px - cx, py - cy) - r);
  const e = (t) => Math.hypot(px - cx - r * Math.cos(t), py - cy - r * Math.sin(t));
  return Math.min(e(a0), e(a1));
};
const roundRect = (px, py, x0, y0, x1, y1, rad) => {
  const qx = Math.abs(px - (x0 + x1) / 2) - ((x1 - x0) / 2 - rad);
  const qy = Math.abs(py - (y0 + y1) / 2) - ((y1 - y0) / 2 - rad);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - rad;
};
const deg = Math.PI / 180;
function colour(x, y) {
  if (roundRect(x, y, 2, 2, 126, 126, 26) > 0) return [0, 0, 0, 0];
  // Tile: teal, a little lighter at the top.
  const t = y / N;
  let c = [15 + 20 * (1 - t), 118 + 30 * (1 - t), 110 + 25 * (1 - t)];
  const d = Math.hypot(x - 64, y - 64);
  if (d < 46) c = [250, 204, 21];          // coin face (amber)
  if (d >= 40 && d < 46) c = [202, 138, 4]; // rim
  const stroke = 4.2;
  const dollar = Math.min(
    seg(x, y, 64, 34, 64, 94),
    arc(x, y, 64, 53, 11, 90 * deg, 330 * deg),   // upper bowl: bottom → left → top → upper right
    arc(x, y, 64, 75, 11, -90 * deg, 150 * deg),  // lower bowl: top → right → bottom → lower left
  );
  if (dollar < stroke) c = [30, 41, 59];
  return [...c, 255];
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
      const c = colour(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
      for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
      acc[3] += c[3];
    }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    for (let i = 0; i < 3; i++) raw[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
    raw[o + 3] = Math.round(acc[3] / (SS * SS));
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const cr = Buffer.alloc(4); cr.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, cr]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
