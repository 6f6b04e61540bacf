// <image>: a real <img> with WeChat's default size (320 x 240), its modes (scaleToFill, aspectFit, aspectFill,
// widthFix, heightFix, and the crop modes) and load/error events. Sources: package paths, temp files, cloud:// file
// IDs (through the local cloud) and URLs.
import { defineBuiltin, type Builtin } from './define';

export type SrcResolver = (src: string) => string;

const FIT: Record<string, [string, string]> = {
  scaleToFill: ['fill', 'center'],
  aspectFit: ['contain', 'center'],
  aspectFill: ['cover', 'center'],
  widthFix: ['fill', 'center'],
  heightFix: ['fill', 'center'],
  top: ['none', 'top'],
  bottom: ['none', 'bottom'],
  center: ['none', 'center'],
  left: ['none', 'left'],
  right: ['none', 'right'],
  'top left': ['none', 'top left'],
  'top right': ['none', 'top right'],
  'bottom left': ['none', 'bottom left'],
  'bottom right': ['none', 'bottom right'],
};

export function defineImage(resolveSrc: SrcResolver, name = 'image'): void {
  defineBuiltin(name, {
    template: '<slot/>',
    properties: {
      src: { type: String, value: '' },
      mode: { type: String, value: 'scaleToFill' },
      lazyLoad: null,
      webp: null,
      showMenuByLongpress: null,
      fadeIn: null,
    },
    attached(host) {
      const img = document.createElement('img');
      img.alt = '';
      img.draggable = false;
      img.addEventListener('load', () => this.triggerEvent('load', { width: img.naturalWidth, height: img.naturalHeight }));
      img.addEventListener('error', () => {
        if (img.getAttribute('src')) this.triggerEvent('error', { errMsg: `GET ${this.data.src} 404 (Not Found)` });
      });
      this.__mpImg = img;
      host.append(img);
    },
    render(this: Builtin, host) {
      const img = this.__mpImg as HTMLImageElement;
      const mode = String(this.data.mode || 'scaleToFill');
      const [fit, position] = FIT[mode] ?? FIT.scaleToFill!;
      host.setAttribute('data-mode', mode);
      img.style.objectFit = fit;
      img.style.objectPosition = position;
      const src = String(this.data.src || '');
      const url = src ? resolveSrc(src) : '';
      if (img.getAttribute('src') !== url) {
        if (url) img.setAttribute('src', url);
        else img.removeAttribute('src');
      }
    },
  });
}
