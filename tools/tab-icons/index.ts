// The tab bar's icons (app.json tabBar: 首页, 政策, 我的), drawn here on a 24-unit grid as Vant draws its icons: an
// outline when the tab is not selected, the same figure filled when it is, in the tab bar's two colours. 81x81 px, the
// size WeChat recommends; `npm run build` writes them to miniprogram/images/tabbar/ when they differ (docs/adr/0097).
import fs from 'fs';
import path from 'path';
import { encodePng } from './png';

export const ICON_PX = 81;
const GRID = 24;
const SAMPLES = 5;
/** app.json tabBar.color and selectedColor. */
const COLORS = { normal: [0x64, 0x65, 0x66], selected: [0xc8, 0x16, 0x1d] } as const;
const STROKE = 1.8;

type Shape = (x: number, y: number) => boolean;

const seg =
  (ax: number, ay: number, bx: number, by: number, w = STROKE): Shape =>
  (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - ax - t * dx, y - ay - t * dy) <= w / 2;
  };

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) <= r;

const ring =
  (cx: number, cy: number, r: number, w = STROKE): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;

/** A rectangle with rounded corners, filled. */
const rect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    const qx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const qy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && Math.hypot(qx, qy) <= r;
  };

const frame = (x0: number, y0: number, x1: number, y1: number, r: number, w = STROKE): Shape => {
  const outer = rect(x0 - w / 2, y0 - w / 2, x1 + w / 2, y1 + w / 2, r + w / 2);
  const inner = rect(x0 + w / 2, y0 + w / 2, x1 - w / 2, y1 - w / 2, Math.max(0, r - w / 2));
  return (x, y) => outer(x, y) && !inner(x, y);
};

/** Even-odd fill of a closed polygon. */
const polygon =
  (points: Array<[number, number]>): Shape =>
  (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };

/** The upper half of a disc: shoulders. */
const dome =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    y <= cy && Math.hypot(x - cx, y - cy) <= r;

interface Figure {
  paint: Shape[];
  erase?: Shape[];
}

/** Each tab: the outline (not selected) and the filled figure (selected). */
export const FIGURES: Record<'home' | 'policy' | 'mine', { normal: Figure; selected: Figure }> = {
  home: {
    normal: {
      paint: [
        seg(3, 11, 12, 3.6),
        seg(12, 3.6, 21, 11),
        seg(5.6, 10, 5.6, 20.4),
        seg(18.4, 10, 18.4, 20.4),
        seg(5.6, 20.4, 18.4, 20.4),
        seg(10.4, 20.4, 10.4, 15),
        seg(10.4, 15, 13.6, 15),
        seg(13.6, 15, 13.6, 20.4),
      ],
    },
    selected: {
      paint: [polygon([[12, 2.6], [21.8, 11.4], [19.4, 11.4], [19.4, 21.3], [4.6, 21.3], [4.6, 11.4], [2.2, 11.4]])],
      erase: [rect(10.3, 14.4, 13.7, 22, 0.6)],
    },
  },
  policy: {
    normal: { paint: [frame(5.2, 3.2, 18.8, 20.8, 1.6), seg(8.6, 8.2, 15.4, 8.2), seg(8.6, 12.2, 15.4, 12.2), seg(8.6, 16.2, 12.8, 16.2)] },
    selected: { paint: [rect(4.3, 2.3, 19.7, 21.7, 2)], erase: [seg(8.6, 8.2, 15.4, 8.2), seg(8.6, 12.2, 15.4, 12.2), seg(8.6, 16.2, 12.8, 16.2)] },
  },
  mine: {
    normal: { paint: [ring(12, 8, 4), (x, y) => y <= 21 && ring(12, 21, 7.2)(x, y), seg(4.8, 21, 19.2, 21)] },
    selected: { paint: [circle(12, 8, 4.9), dome(12, 21.9, 8.1)] },
  },
};

function draw(figure: Figure, rgb: readonly number[]): Uint8Array {
  const out = new Uint8Array(ICON_PX * ICON_PX * 4);
  const scale = GRID / ICON_PX;
  for (let py = 0; py < ICON_PX; py++) {
    for (let px = 0; px < ICON_PX; px++) {
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          if (figure.paint.some((s) => s(x, y)) && !(figure.erase ?? []).some((s) => s(x, y))) covered++;
        }
      }
      const at = (py * ICON_PX + px) * 4;
      out[at] = rgb[0]!;
      out[at + 1] = rgb[1]!;
      out[at + 2] = rgb[2]!;
      out[at + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return out;
}

export const ICON_DIR = 'images/tabbar';

/** Every icon file (relative to miniprogram/) with its bytes. */
export function tabIcons(): Array<{ file: string; png: Buffer }> {
  return Object.entries(FIGURES).flatMap(([name, f]) => [
    { file: `${ICON_DIR}/${name}.png`, png: encodePng(ICON_PX, ICON_PX, draw(f.normal, COLORS.normal)) },
    { file: `${ICON_DIR}/${name}-selected.png`, png: encodePng(ICON_PX, ICON_PX, draw(f.selected, COLORS.selected)) },
  ]);
}

/** Writes the icons under `miniprogramRoot` where they differ; answers the files written. */
export function writeTabIcons(miniprogramRoot: string): string[] {
  const written: string[] = [];
  for (const { file, png } of tabIcons()) {
    const target = path.join(miniprogramRoot, file);
    if (fs.existsSync(target) && fs.readFileSync(target).equals(png)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, png);
    written.push(file);
  }
  return written;
}
