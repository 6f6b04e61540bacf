// The look of what WeChat draws natively (status bar, navigation bar, tab bar, toast, modal, sheets) and the default
// styles of the built-in components, which the base library ships and simulate does not.

const CHROME = `
html, body { margin: 0; padding: 0; height: 100%; overflow: hidden; background: #111; }
body { font-family: -apple-system, BlinkMacSystemFont, 'PingFang SC', 'Noto Sans CJK SC', 'Helvetica Neue', sans-serif;
  -webkit-tap-highlight-color: transparent; }
.mp-screen { position: relative; width: 375px; height: 812px; overflow: hidden; background: #fff; font-size: 16px;
  color: #000; user-select: none; -webkit-user-select: none; }
.mp-screen input, .mp-screen textarea { user-select: text; -webkit-user-select: text; }
.mp-screen ::-webkit-scrollbar { display: none; }
.mp-statusbar { position: absolute; z-index: 30; top: 0; left: 0; right: 0; height: 44px; display: flex; align-items: center;
  justify-content: space-between; padding: 0 26px 0 32px; box-sizing: border-box; font-size: 15px; font-weight: 600;
  pointer-events: none; }
.mp-statusbar__icons { font-size: 12px; letter-spacing: 2px; }
.mp-navbar { position: absolute; z-index: 20; top: 0; left: 0; right: 0; height: 88px; padding-top: 44px; box-sizing: border-box;
  display: flex; align-items: center; justify-content: center; }
.mp-navbar[hidden] { display: none; }
.mp-navbar__title { max-width: 200px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font-size: 17px;
  font-weight: 600; display: flex; align-items: center; gap: 6px; }
.mp-navbar__left { position: absolute; left: 0; top: 44px; height: 44px; display: flex; align-items: center; }
.mp-navbar__button { width: 44px; height: 44px; border: 0; background: none; color: inherit; font-size: 22px; cursor: pointer;
  display: flex; align-items: center; justify-content: center; padding: 0; }
.mp-navbar__button svg { width: 22px; height: 22px; }
.mp-navbar__button[hidden] { display: none; }
.mp-navbar__spinner, .mp-spinner { width: 16px; height: 16px; border: 2px solid currentColor; border-right-color: transparent;
  border-radius: 50%; animation: mp-spin .8s linear infinite; box-sizing: border-box; }
@keyframes mp-spin { to { transform: rotate(360deg); } }
.mp-capsule { position: absolute; z-index: 40; top: 48px; right: 7px; width: 87px; height: 32px; box-sizing: border-box;
  border-radius: 16px; display: flex; align-items: center; border: 0.5px solid rgba(0,0,0,.15); background: rgba(255,255,255,.6); }
.mp-capsule--white { border-color: rgba(255,255,255,.25); background: rgba(0,0,0,.15); color: #fff; }
.mp-capsule button { flex: 1; height: 100%; border: 0; background: none; color: inherit; font-size: 16px; cursor: pointer;
  font-weight: 700; letter-spacing: 1px; padding: 0; }
.mp-capsule__sep { width: 0.5px; height: 18px; background: currentColor; opacity: .25; }
.mp-webviews { position: absolute; inset: 0; }
.mp-webview { position: absolute; left: 0; right: 0; top: 88px; bottom: 0; overflow: hidden; transform: translateZ(0); }
.mp-webview--custom-nav { top: 0; }
.mp-webview--tab { bottom: 50px; }
.mp-webview--hidden { visibility: hidden; pointer-events: none; }
.mp-webview__scroller { position: absolute; inset: 0; overflow-x: hidden; overflow-y: auto; transition: transform .25s; }
.mp-webview--no-scroll .mp-webview__scroller { overflow-y: hidden; }
.mp-webview__scroller > * { display: block; min-height: 100%; }
.mp-webview__refresh { position: absolute; top: 0; left: 0; right: 0; height: 60px; display: flex; align-items: center;
  justify-content: center; gap: 6px; }
.mp-webview__refresh i { width: 7px; height: 7px; border-radius: 50%; background: currentColor; opacity: .3; }
.mp-webview--refreshing .mp-webview__refresh i { animation: mp-dot 1s infinite; }
.mp-webview__refresh i:nth-child(2) { animation-delay: .2s !important; }
.mp-webview__refresh i:nth-child(3) { animation-delay: .4s !important; }
@keyframes mp-dot { 0%, 100% { opacity: .2; } 50% { opacity: .9; } }
.mp-webview__error { padding: 24px 16px; color: #c8161d; font: 13px/1.5 monospace; white-space: pre-wrap; word-break: break-all; }
.mp-tabbar { position: absolute; z-index: 20; left: 0; right: 0; bottom: 0; height: 50px; display: flex; }
.mp-tabbar[hidden] { display: none; }
.mp-tabbar--black { box-shadow: 0 -0.5px 0 rgba(0,0,0,.2); }
.mp-tabbar--white { box-shadow: 0 -0.5px 0 rgba(255,255,255,.3); }
.mp-tabbar__item { flex: 1; border: 0; background: none; display: flex; flex-direction: column; align-items: center;
  justify-content: center; font-size: 10px; cursor: pointer; position: relative; padding: 0; gap: 2px; font-family: inherit; }
.mp-tabbar__icon { width: 24px; height: 24px; display: flex; align-items: center; justify-content: center; }
.mp-tabbar__icon img { width: 24px; height: 24px; }
.mp-tabbar__dot { width: 22px; height: 22px; border-radius: 6px; border: 2px solid currentColor; box-sizing: border-box; }
.mp-tabbar__item--text-only { font-size: 14px; }
.mp-tabbar__badge { position: absolute; top: 3px; left: calc(50% + 6px); min-width: 16px; height: 16px; padding: 0 4px;
  box-sizing: border-box; border-radius: 8px; background: #fa5151; color: #fff; font-size: 11px; line-height: 16px; }
.mp-tabbar__reddot { position: absolute; top: 5px; left: calc(50% + 10px); width: 8px; height: 8px; border-radius: 50%; background: #fa5151; }
.mp-overlays { position: absolute; inset: 0; z-index: 100; pointer-events: none; }
/* An empty native layer is not drawn: as a full-screen box it would sit above every page element, and axe (like any
   hit test) would find each one covered and could not compute its text contrast. */
.mp-overlays:empty { display: none; }
.mp-overlays > * { pointer-events: auto; }
.mp-layer { position: absolute; inset: 0; }
.mp-mask { position: absolute; inset: 0; background: rgba(0,0,0,.6); display: flex; align-items: center; justify-content: center; }
.mp-mask--clear { background: transparent; }
.mp-toast { position: absolute; left: 50%; top: 45%; transform: translate(-50%, -50%); min-width: 120px; max-width: 250px;
  padding: 14px 16px; box-sizing: border-box; border-radius: 10px; background: rgba(17,17,17,.85); color: #fff; text-align: center;
  font-size: 15px; line-height: 1.4; display: flex; flex-direction: column; align-items: center; gap: 10px; z-index: 2; }
.mp-toast--icon { width: 136px; min-height: 136px; justify-content: center; }
.mp-toast__icon { font-size: 40px; line-height: 1; }
.mp-toast .mp-spinner { width: 36px; height: 36px; border-width: 3px; }
.mp-modal { width: 320px; background: #fff; border-radius: 12px; overflow: hidden; text-align: center; }
.mp-modal__title { padding: 32px 24px 8px; font-size: 17px; font-weight: 600; color: #000; }
.mp-modal__content { padding: 8px 24px 32px; font-size: 16px; color: rgba(0,0,0,.5); line-height: 1.5; white-space: pre-wrap;
  word-break: break-word; max-height: 360px; overflow-y: auto; }
.mp-modal__title + .mp-modal__content:empty { padding: 0 0 24px; }
.mp-modal__input { width: calc(100% - 48px); margin: 0 24px 24px; box-sizing: border-box; padding: 10px 12px; border: 0;
  background: #f7f7f7; border-radius: 6px; font-size: 16px; font-family: inherit; }
.mp-modal__buttons { display: flex; border-top: 0.5px solid rgba(0,0,0,.1); }
.mp-modal__buttons button { flex: 1; height: 56px; border: 0; background: none; font-size: 17px; font-weight: 600; cursor: pointer;
  font-family: inherit; }
.mp-modal__buttons button + button { border-left: 0.5px solid rgba(0,0,0,.1); }
.mp-sheet-mask { position: absolute; inset: 0; background: rgba(0,0,0,.6); }
.mp-sheet { position: absolute; left: 0; right: 0; bottom: 0; background: #f7f7f7; border-radius: 12px 12px 0 0; overflow: hidden;
  animation: mp-up .2s ease-out; }
@keyframes mp-up { from { transform: translateY(100%); } to { transform: none; } }
.mp-sheet__title { padding: 16px; text-align: center; font-size: 13px; color: rgba(0,0,0,.5); background: #fff; }
.mp-sheet__item { display: block; width: 100%; height: 56px; border: 0; border-top: 0.5px solid rgba(0,0,0,.08); background: #fff;
  font-size: 17px; cursor: pointer; font-family: inherit; }
.mp-sheet__cancel { margin-top: 8px; border-top: 0; }
.mp-sheet__header { display: flex; justify-content: space-between; align-items: center; background: #fff; padding: 0 8px;
  height: 52px; border-bottom: 0.5px solid rgba(0,0,0,.08); }
.mp-sheet__header button { border: 0; background: none; font-size: 17px; padding: 8px 12px; cursor: pointer; font-family: inherit; }
.mp-sheet__confirm { color: #07c160; font-weight: 600; }
.mp-columns { display: flex; background: #fff; height: 240px; }
.mp-column { flex: 1; overflow-y: auto; padding: 96px 0; box-sizing: border-box; scroll-snap-type: y mandatory; }
.mp-column__item { height: 48px; line-height: 48px; text-align: center; font-size: 17px; color: rgba(0,0,0,.5); cursor: pointer;
  scroll-snap-align: center; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; padding: 0 4px; }
.mp-column__item--selected { color: #000; font-weight: 600; background: rgba(0,0,0,.04); }
.mp-dialog { position: absolute; left: 0; right: 0; bottom: 0; background: #fff; border-radius: 12px 12px 0 0; padding: 24px 24px 32px;
  animation: mp-up .2s ease-out; }
.mp-dialog__app { display: flex; align-items: center; gap: 8px; font-size: 15px; font-weight: 600; }
.mp-dialog__logo { width: 24px; height: 24px; border-radius: 50%; background: #c8161d; color: #fff; font-size: 13px;
  display: flex; align-items: center; justify-content: center; }
.mp-dialog__title { margin: 16px 0 8px; font-size: 17px; font-weight: 600; }
.mp-dialog__text { font-size: 14px; color: rgba(0,0,0,.55); line-height: 1.6; }
.mp-dialog__list { margin: 16px 0; }
.mp-dialog__row { display: flex; justify-content: space-between; align-items: center; padding: 12px 0;
  border-bottom: 0.5px solid rgba(0,0,0,.08); font-size: 15px; gap: 12px; }
.mp-dialog__row code { font-size: 12px; color: rgba(0,0,0,.45); word-break: break-all; }
.mp-dialog__buttons { display: flex; gap: 12px; margin-top: 20px; }
.mp-dialog__buttons button { flex: 1; height: 44px; border-radius: 8px; border: 0; font-size: 16px; font-weight: 600; cursor: pointer;
  background: #f2f2f2; color: #07c160; font-family: inherit; }
.mp-dialog__buttons button.mp-primary { background: #07c160; color: #fff; }
.mp-dialog__link { color: #576b95; cursor: pointer; }
`;

const BUILTINS = `
wx-view, wx-cover-view, wx-form, wx-block, wx-root-portal { display: block; }
wx-text { display: inline; white-space: pre-line; }
wx-label { display: inline; cursor: pointer; }
wx-image { display: inline-block; position: relative; overflow: hidden; width: 320px; height: 240px; }
wx-image > img { position: absolute; inset: 0; width: 100%; height: 100%; display: block; -webkit-user-drag: none; }
wx-image[data-mode="widthFix"] { height: auto; }
wx-image[data-mode="widthFix"] > img { position: static; height: auto; }
wx-image[data-mode="heightFix"] { width: auto; }
wx-image[data-mode="heightFix"] > img { position: static; width: auto; }
wx-input { display: block; height: 1.4rem; line-height: 1.4rem; min-height: 1.4rem; overflow: hidden; text-overflow: clip; }
wx-input > input, wx-textarea > textarea { display: block; width: 100%; height: 100%; margin: 0; padding: 0; border: 0; outline: 0;
  background: transparent; font: inherit; color: inherit; text-align: inherit; line-height: inherit; resize: none;
  letter-spacing: inherit; box-sizing: border-box; }
wx-input > input::placeholder, wx-textarea > textarea::placeholder { color: var(--mp-placeholder-color, #808080); }
wx-textarea { display: block; width: 300px; height: 150px; position: relative; }
wx-textarea[data-auto-height] { height: auto; min-height: 1.4rem; }
wx-textarea[data-auto-height] > textarea { overflow: hidden; }
wx-button { position: relative; display: block; margin-left: auto; margin-right: auto; padding-left: 14px; padding-right: 14px;
  box-sizing: border-box; font-size: 18px; text-align: center; line-height: 2.55555556; border-radius: 5px; overflow: hidden;
  color: #000; background-color: #f2f2f2; cursor: pointer; }
wx-button[data-type="primary"] { color: #fff; background-color: #07c160; }
wx-button[data-type="warn"] { color: #fa5151; background-color: #f2f2f2; }
wx-button[data-size="mini"] { display: inline-block; line-height: 2.3; font-size: 13px; padding: 0 1.34em; }
wx-button[data-disabled] { opacity: .6; cursor: default; }
wx-scroll-view { display: block; width: 100%; overflow: hidden; position: relative; }
wx-scroll-view > .mp-refresher { height: 0; overflow: hidden; display: flex; align-items: center; justify-content: center; gap: 6px;
  transition: height .2s; color: #999; }
wx-scroll-view > .mp-refresher i { width: 6px; height: 6px; border-radius: 50%; background: currentColor; animation: mp-dot 1s infinite; }
wx-swiper { display: block; height: 150px; position: relative; overflow: hidden; }
wx-swiper-item { display: block; position: absolute; left: 0; top: 0; width: 100%; height: 100%; overflow: hidden;
  transition-property: transform; }
wx-swiper > .mp-swiper-dots { position: absolute; left: 0; right: 0; bottom: 10px; display: flex; justify-content: center; gap: 8px;
  pointer-events: none; z-index: 1; }
wx-swiper > .mp-swiper-dots i { width: 8px; height: 8px; border-radius: 50%; }
wx-switch { display: inline-block; cursor: pointer; vertical-align: middle; }
wx-switch > .mp-switch { position: relative; width: 52px; height: 32px; border-radius: 16px; background: #e5e5e5; transition: background .2s; }
wx-switch > .mp-switch::after { content: ''; position: absolute; top: 2px; left: 2px; width: 28px; height: 28px; border-radius: 50%;
  background: #fff; box-shadow: 0 2px 3px rgba(0,0,0,.2); transition: transform .2s; }
wx-switch > .mp-switch--on::after { transform: translateX(20px); }
wx-switch > .mp-checkbox { margin-right: 0; }
wx-checkbox, wx-radio { display: inline-flex; align-items: center; cursor: pointer; vertical-align: middle; }
.mp-checkbox { width: 22px; height: 22px; box-sizing: border-box; border: 1px solid #d1d1d1; border-radius: 3px; margin-right: 5px;
  display: inline-flex; align-items: center; justify-content: center; color: #07c160; font-size: 16px; background: #fff; flex: none; }
.mp-checkbox--radio { border-radius: 50%; }
.mp-checkbox--disabled { background: #e1e1e1; }
wx-checkbox-group, wx-radio-group { display: block; }
wx-navigator { display: block; cursor: pointer; }
wx-rich-text { display: inline; }
wx-rich-text > .mp-rich-text { display: inline; }
wx-picker { display: block; cursor: pointer; }
wx-progress { display: flex; align-items: center; }
wx-progress > .mp-progress { flex: 1; background: #ebebeb; overflow: hidden; }
wx-progress > .mp-progress > i { display: block; height: 100%; background: #09bb07; transition: width .3s; }
wx-progress > span { margin-left: 15px; font-size: 14px; }
wx-slider { display: block; margin: 10px 18px; }
wx-slider > input { width: 100%; }
wx-icon { display: inline-block; font-size: 0; }
wx-icon > i { display: inline-block; font-style: normal; text-align: center; line-height: 1; }
`;

export function installBaseStyles(): void {
  const style = document.createElement('style');
  style.id = 'mp-base';
  style.textContent = CHROME + BUILTINS;
  document.head.appendChild(style);
}
