// Replaces simulate's <slot/> stubs of the built-in components with working ones, and makes the ones the preview
// cannot draw say so.
import { defineButtons, type ButtonContext } from './buttons';
import { defineContent, type NavigatorContext } from './content';
import { definePassthrough, defineUnsupported } from './define';
import { defineImage } from './image';
import { definePageMeta } from './page-meta';
import { definePicker } from './picker';
import { defineScrollView } from './scroll-view';
import { defineSwiper } from './swiper';
import { defineTextFields } from './text-fields';
import { defineToggles } from './toggles';

const UNSUPPORTED: Record<string, string> = {
  canvas: '',
  map: '',
  video: '',
  audio: '',
  camera: '',
  'live-player': '',
  'live-pusher': '',
  'web-view': '',
  editor: '',
  ad: '',
  'ad-custom': '',
  'official-account': '',
  'open-data': '',
  'picker-view': 'use <picker> or Vant\'s van-picker',
  'picker-view-column': '',
  'movable-area': '',
  'movable-view': '',
  'page-container': '',
  'match-media': '',
  'keyboard-accessory': '',
  'grid-view': 'Skyline only',
  'list-view': 'Skyline only',
  'sticky-header': 'Skyline only',
  'sticky-section': 'Skyline only',
  'share-element': 'Skyline only',
  'channel-live': '',
  'channel-video': '',
  'voip-room': '',
  'functional-page-navigator': '',
  'navigation-bar': '',
};

export interface BuiltinsContext extends ButtonContext, NavigatorContext {
  resolveSrc(src: string): string;
}

export function installBuiltins(ctx: BuiltinsContext): void {
  for (const [name, why] of Object.entries(UNSUPPORTED)) defineUnsupported(name, why);
  for (const name of ['cover-view', 'root-portal']) definePassthrough(name);
  defineImage(ctx.resolveSrc);
  defineImage(ctx.resolveSrc, 'cover-image');
  defineTextFields();
  defineButtons(ctx);
  defineToggles();
  definePicker();
  defineScrollView();
  defineSwiper();
  defineContent(ctx, ctx.resolveSrc);
  definePageMeta();
}
