// The tab bar icons: the committed PNGs are what the build draws (tools/tab-icons), 81x81, an outline and a filled
// figure per tab, each in its tab bar colour, and app.json points at them.
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { ICON_PX, tabIcons } from '../../tools/tab-icons';
import { readPngHeader } from '../../tools/tab-icons/png';

const MP = path.resolve(__dirname, '../../miniprogram');

/** The RGBA pixels of one of our PNGs (filter 0 rows, as encodePng writes them). */
function pixels(png: Buffer): Uint8Array {
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(chunks));
  const out = new Uint8Array(ICON_PX * ICON_PX * 4);
  for (let y = 0; y < ICON_PX; y++) raw.copy(out, y * ICON_PX * 4, y * (ICON_PX * 4 + 1) + 1, (y + 1) * (ICON_PX * 4 + 1));
  return out;
}

// Drawn once for the file: the drawing is the build's, and the same for every test.
const ICONS = tabIcons();

const coverage = (rgba: Uint8Array) => {
  let alpha = 0;
  for (let i = 3; i < rgba.length; i += 4) alpha += rgba[i]!;
  return alpha / 255 / (ICON_PX * ICON_PX);
};

test('the committed icons are the build\'s drawing: 81x81 PNGs, small, sound', () => {
  expect(ICONS).toHaveLength(6);
  for (const { file, png } of ICONS) {
    const committed = fs.readFileSync(path.join(MP, file));
    expect([file, committed.equals(png)]).toEqual([file, true]);
    expect(readPngHeader(committed)).toEqual({ width: 81, height: 81, valid: true });
    expect(committed.length).toBeLessThan(4096);
  }
});

test('each tab: an outline in the grey, a filled figure in the red; the figure sits inside the square', () => {
  const byFile = new Map(ICONS.map((i) => [i.file, pixels(i.png)]));
  for (const name of ['home', 'policy', 'mine']) {
    const normal = byFile.get(`images/tabbar/${name}.png`)!;
    const selected = byFile.get(`images/tabbar/${name}-selected.png`)!;
    const opaque = (rgba: Uint8Array) => [...rgba.keys()].filter((i) => i % 4 === 3 && rgba[i]! === 255).map((i) => [rgba[i - 3], rgba[i - 2], rgba[i - 1]].join());
    expect(new Set(opaque(normal))).toEqual(new Set(['100,101,102']));
    expect(new Set(opaque(selected))).toEqual(new Set(['200,22,29']));
    // Outline about a fifth of the square, the filled figure clearly more; nothing touches the edge.
    expect(coverage(normal)).toBeGreaterThan(0.1);
    expect(coverage(selected)).toBeGreaterThan(coverage(normal) * 1.4);
    for (const rgba of [normal, selected]) {
      for (let i = 0; i < ICON_PX; i++) {
        for (const [x, y] of [[i, 0], [i, ICON_PX - 1], [0, i], [ICON_PX - 1, i]] as const) expect(rgba[(y * ICON_PX + x) * 4 + 3]).toBe(0);
      }
    }
  }
});

test('app.json gives every tab its icon and selected icon, files that exist', () => {
  const app = JSON.parse(fs.readFileSync(path.join(MP, 'app.json'), 'utf8')) as { tabBar: { list: Array<{ iconPath?: string; selectedIconPath?: string }> } };
  for (const item of app.tabBar.list) {
    expect(item.iconPath && item.selectedIconPath).toBeTruthy();
    for (const p of [item.iconPath!, item.selectedIconPath!]) expect(fs.existsSync(path.join(MP, p))).toBe(true);
  }
});
