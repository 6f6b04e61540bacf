// wx.showModal as WeChat draws it: a centred dialog over everything, resolving with the button pressed.
import { h, overlayLayer } from './dom';

export interface ModalOptions {
  title?: string;
  content?: string;
  showCancel?: boolean;
  cancelText?: string;
  cancelColor?: string;
  confirmText?: string;
  confirmColor?: string;
  editable?: boolean;
  placeholderText?: string;
}

export interface ModalResult {
  confirm: boolean;
  cancel: boolean;
  content?: string;
}

export function showModal(opts: ModalOptions): Promise<ModalResult> {
  return new Promise((resolve) => {
    const input = opts.editable ? h('input', { className: 'mp-modal__input', placeholder: opts.placeholderText ?? '', value: opts.content ?? '', 'data-testid': 'mp-modal-input' }) : null;
    const close = (confirm: boolean) => {
      mask.remove();
      resolve(opts.editable ? { confirm, cancel: !confirm, content: input!.value } : { confirm, cancel: !confirm });
    };
    const cancel = opts.showCancel === false
      ? null
      : h('button', { text: opts.cancelText ?? '取消', style: `color:${opts.cancelColor ?? '#000'}`, 'data-testid': 'mp-modal-cancel', onclick: () => close(false) });
    const confirm = h('button', { text: opts.confirmText ?? '确定', style: `color:${opts.confirmColor ?? '#576b95'}`, 'data-testid': 'mp-modal-confirm', onclick: () => close(true) });
    const mask = h(
      'div',
      { className: 'mp-mask', 'data-testid': 'mp-modal' },
      h(
        'div',
        { className: 'mp-modal', role: 'dialog', 'aria-modal': 'true' },
        opts.title ? h('div', { className: 'mp-modal__title', text: opts.title }) : null,
        opts.editable ? input : h('div', { className: 'mp-modal__content', text: opts.content ?? '' }),
        h('div', { className: 'mp-modal__buttons' }, cancel, confirm),
      ),
    );
    overlayLayer().append(mask);
  });
}
