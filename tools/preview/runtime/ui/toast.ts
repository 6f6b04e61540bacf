// wx.showToast / showLoading share one slot, as in WeChat: a new one replaces the old, hideToast/hideLoading clear it.
import { h, overlayLayer } from './dom';

export interface ToastOptions {
  title: string;
  icon?: 'success' | 'error' | 'loading' | 'none';
  image?: string;
  duration?: number;
  mask?: boolean;
}

let current: { el: HTMLElement; timer: number; kind: 'toast' | 'loading' } | null = null;

function clear(): void {
  if (!current) return;
  window.clearTimeout(current.timer);
  current.el.remove();
  current = null;
}

const ICONS: Record<string, string> = { success: '✓', error: '✕' };

function show(kind: 'toast' | 'loading', opts: ToastOptions): void {
  clear();
  const icon = kind === 'loading' ? 'loading' : (opts.icon ?? 'success');
  const body = h(
    'div',
    { className: `mp-toast${icon === 'none' ? '' : ' mp-toast--icon'}`, role: 'alert', 'data-testid': kind === 'loading' ? 'mp-loading' : 'mp-toast' },
    icon === 'loading' ? h('div', { className: 'mp-spinner' }) : icon !== 'none' ? h('div', { className: 'mp-toast__icon', text: ICONS[icon] ?? '✓' }) : null,
    h('div', { text: opts.title }),
  );
  const el = opts.mask ? h('div', { className: 'mp-mask mp-mask--clear' }, body) : body;
  if (!opts.mask) el.style.pointerEvents = 'none';
  overlayLayer().append(el);
  const duration = kind === 'loading' ? 0 : (opts.duration ?? 1500);
  current = { el, kind, timer: duration > 0 ? window.setTimeout(clear, duration) : 0 };
}

export const showToast = (opts: ToastOptions) => show('toast', opts);
export const showLoading = (opts: ToastOptions) => show('loading', { ...opts, icon: 'loading' });
export function hideToast(): void {
  if (current?.kind === 'toast') clear();
}
export function hideLoading(): void {
  if (current?.kind === 'loading') clear();
}
