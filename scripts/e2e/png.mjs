// Just enough PNG decoding (8-bit RGB / RGBA / grey, not interlaced: what Chromium writes) to count the
// pixels two screenshots differ in, so that a run showing the same workbench leaves docs/images untouched.
import { inflateSync } from 'node:zlib';

export function decodePng(buf) {
  if (buf.length < 8 || buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8;
  let width, height, bitDepth, colorType, interlace;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') [width, height, bitDepth, colorType, interlace] = [data.readUInt32BE(0), data.readUInt32BE(4), data[8], data[9], data[12]];
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const bpp = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (bitDepth !== 8 || !bpp || interlace) throw new Error(`unsupported PNG (depth ${bitDepth}, colour type ${colorType}, interlace ${interlace})`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp] : 0;
      const b = y ? out[row - stride + x] : 0;
      const c = x >= bpp && y ? out[row - stride + x - bpp] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[row + x] = v & 255;
    }
  }
  return { width, height, bpp, data: out };
}

/** The share (0..1) of pixels that differ; 1 when the sizes or formats differ or either is unreadable. */
export function pixelDifference(a, b) {
  try {
    const [p, q] = [decodePng(a), decodePng(b)];
    if (p.width !== q.width || p.height !== q.height || p.bpp !== q.bpp) return 1;
    let n = 0;
    for (let i = 0; i < p.data.length; i += p.bpp) if (p.data.compare(q.data, i, i + p.bpp, i, i + p.bpp) !== 0) n++;
    return n / (p.width * p.height);
  } catch {
    return 1;
  }
}
