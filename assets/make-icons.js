#!/usr/bin/env node
/**
 * Draws the add-in icons (a ledger page with a check mark) as real PNG files, with no tools beyond Node:
 * shapes are rasterised with 4×4 supersampling and written as RGBA PNG through zlib.
 *
 *   node assets/make-icons.js        → assets/icon-16.png, -32, -64, -80, -128
 *
 * The PNGs are committed; run this again only to change the drawing.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const SS = 4; // supersampling per axis

// Colours (RGBA).
const PAGE = [255, 255, 255, 255];
const BORDER = [31, 78, 121, 255]; // dark blue
const HEADER = [31, 78, 121, 255];
const RULE = [160, 180, 200, 255];
const CHECK_BG = [16, 124, 65, 255]; // Excel green
const CHECK = [255, 255, 255, 255];

/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Rounded rectangle test in unit coordinates. */
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.max(x0 + r, Math.min(x1 - r, x));
  const cy = Math.max(y0 + r, Math.min(y1 - r, y));
  return Math.hypot(x - cx, y - cy) <= r;
}

/**
 * The colour at unit coordinates (0..1, 0..1), or null for transparent. Layers, back to front:
 * page with border, header band, ruled lines, a column rule, the check badge.
 */
function shade(x, y, size) {
  // Line widths grow a little for the small sizes so they stay visible.
  const px = 1 / size;
  const border = Math.max(0.05, 1.2 * px);
  const rule = Math.max(0.035, 1.0 * px);

  // Check badge (bottom right), drawn on top of everything.
  const bx = 0.72;
  const by = 0.72;
  const br = 0.27;
  const d = Math.hypot(x - bx, y - by);
  if (d <= br) {
    const w = Math.max(0.055, 1.3 * px);
    const c1 = segDist(x, y, bx - 0.14, by + 0.0, bx - 0.04, by + 0.1);
    const c2 = segDist(x, y, bx - 0.04, by + 0.1, bx + 0.15, by - 0.1);
    if (Math.min(c1, c2) <= w) return CHECK;
    return CHECK_BG;
  }
  if (d <= br + Math.max(0.03, 0.8 * px)) return PAGE; // white ring separating badge from page

  const x0 = 0.1;
  const y0 = 0.06;
  const x1 = 0.82;
  const y1 = 0.94;
  if (!inRoundRect(x, y, x0, y0, x1, y1, 0.08)) return null;
  if (!inRoundRect(x, y, x0 + border, y0 + border, x1 - border, y1 - border, Math.max(0.01, 0.08 - border))) return BORDER;
  // Header band.
  if (y < 0.27) return HEADER;
  // Column rule (first column of a ledger).
  if (Math.abs(x - 0.36) <= rule / 2) return RULE;
  // Ruled lines.
  for (const ly of [0.42, 0.57, 0.72, 0.87]) if (Math.abs(y - ly) <= rule / 2) return RULE;
  return PAGE;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sj = 0; sj < SS; sj++) {
        for (let si = 0; si < SS; si++) {
          const c = shade((i + (si + 0.5) / SS) / size, (j + (sj + 0.5) / SS) / size, size);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = (j * size + i) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round(a / (SS * SS));
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; j++) {
    raw[j * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, j * (size * 4 + 1) + 1, j * size * 4, (j + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = path.join(__dirname, `icon-${size}.png`);
  fs.writeFileSync(file, png(size, render(size)));
  console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
}
