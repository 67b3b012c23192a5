// Draws the toolbar icons (a red-orange disc with a white "exit" arrow) into public/icons.
// Run once when the design changes: `node scripts/make-icons.mjs`. No image library needed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function icon(size) {
  const rows = [];
  const s = size / 128; // design grid of 128
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      // 4x4 supersampling for smooth edges
      let disc = 0, arrow = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const px = (x + (sx + 0.5) / 4) / s, py = (y + (sy + 0.5) / 4) / s;
        const inDisc = (px - 64) ** 2 + (py - 64) ** 2 <= 60 ** 2;
        const shaft = px >= 30 && px <= 78 && Math.abs(py - 64) <= 9;
        const head = px >= 70 && px <= 102 && Math.abs(py - 64) <= (102 - px) * 0.95;
        if (inDisc) disc++;
        if (inDisc && (shaft || head)) arrow++;
      }
      const a = disc / 16, w = arrow / 16;
      const r = Math.round(207 * (1 - w) + 255 * w), g = Math.round(34 * (1 - w) + 255 * w), b = Math.round(46 * (1 - w) + 255 * w);
      row.push(r, g, b, Math.round(a * 255));
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, icon(size));
