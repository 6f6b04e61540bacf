// <button> (with form-type and open-type), <form> (collects named controls on submit) and <label> (forwards a tap to
// its control). open-type="share" runs the page's onShareAppMessage; "agreePrivacyAuthorization" records consent;
// the open-types that need WeChat's servers fail loudly.
import type { AnyObject } from '../env';
import { reportUnsupported } from '../loud';
import { builtinOf, defineBuiltin, hostOf, ownerNodeById, type Builtin, type BuiltinHost } from './define';

export interface ButtonContext {
  share(from: 'button', target: { id: string; dataset: Record<string, unknown> }): void;
  agreePrivacy(): void;
}

const CONTROLS = 'wx-input, wx-textarea, wx-switch, wx-slider, wx-picker, wx-checkbox-group, wx-radio-group';

function closestBuiltin(from: Element, tag: string): Builtin | undefined {
  return builtinOf(from.parentElement?.closest(tag) ?? null);
}

export function defineButtons(ctx: ButtonContext): void {
  defineBuiltin('button', {
    properties: {
      size: { type: String, value: 'default' },
      type: { type: String, value: 'default' },
      plain: { type: Boolean, value: false },
      disabled: { type: Boolean, value: false },
      loading: { type: Boolean, value: false },
      formType: { type: String, value: '' },
      openType: { type: String, value: '' },
      hoverClass: null,
      hoverStopPropagation: null,
      hoverStartTime: null,
      hoverStayTime: null,
      lang: null,
      sessionFrom: null,
      sendMessageTitle: null,
      sendMessagePath: null,
      sendMessageImg: null,
      appParameter: null,
      showMessageCard: null,
      phoneNumberNoQuotaToast: null,
    },
    attached(host) {
      host.setAttribute('role', 'button');
      host.addEventListener('click', () => {
        if (this.data.disabled || this.data.loading) return;
        const formType = String(this.data.formType || '');
        if (formType === 'submit' || formType === 'reset') {
          const form = closestBuiltin(host, 'wx-form');
          if (form) (formType === 'submit' ? form.submit : form.reset).call(form);
        }
        const openType = String(this.data.openType || '');
        if (!openType) return;
        if (openType === 'share') {
          const node = (this as Builtin)._exparserNode;
          ctx.share('button', { id: node.id ?? '', dataset: { ...(node.dataset ?? {}) } });
        } else if (openType === 'agreePrivacyAuthorization') {
          ctx.agreePrivacy();
          this.triggerEvent('agreeprivacyauthorization', {});
        } else {
          reportUnsupported(`<button open-type="${openType}">`);
        }
      });
    },
    render(host) {
      const d = this.data;
      host.setAttribute('data-type', String(d.type || 'default'));
      host.setAttribute('data-size', String(d.size || 'default'));
      host.toggleAttribute('data-disabled', Boolean(d.disabled));
      host.toggleAttribute('data-plain', Boolean(d.plain));
      // Only a disabled button says so: an explicit "false" would hide a disabled state set around it (Vant's button).
      if (d.disabled) host.setAttribute('aria-disabled', 'true');
      else host.removeAttribute('aria-disabled');
      const spinner = host.querySelector(':scope > .mp-spinner');
      if (d.loading && !spinner) {
        const s = document.createElement('span');
        s.className = 'mp-spinner';
        s.style.cssText = 'display:inline-block;width:1em;height:1em;vertical-align:middle;margin-right:.4em';
        host.prepend(s);
      } else if (!d.loading && spinner) spinner.remove();
    },
  });

  defineBuiltin('form', {
    properties: { reportSubmit: null, reportSubmitTimeout: null },
    methods: {
      submit(this: Builtin) {
        const value: Record<string, unknown> = {};
        hostOf(this)
          .querySelectorAll(CONTROLS)
          .forEach((el) => {
            const control = builtinOf(el);
            const name = control?.data.name;
            if (control && name && typeof control.formValue === 'function') value[String(name)] = control.formValue();
          });
        // Custom components with the wx://form-field behaviour (Vant's field, checkbox-group, stepper...) take part
        // with their name and value properties, as in WeChat.
        const formField = (window as unknown as { wxFormField?: string }).wxFormField;
        if (formField) {
          hostOf(this)
            .querySelectorAll('*')
            .forEach((el) => {
              const node = (el as HTMLElement & { __wxElement?: AnyObject }).__wxElement;
              if (!node || typeof node.hasBehavior !== 'function' || !node.hasBehavior(formField)) return;
              const data = node.__methodCaller?.data as AnyObject | undefined;
              if (data?.name) value[String(data.name)] = data.value;
            });
        }
        this.triggerEvent('submit', { value, target: { id: '', dataset: {} } });
      },
      reset(this: Builtin) {
        hostOf(this)
          .querySelectorAll(CONTROLS)
          .forEach((el) => builtinOf(el)?.formReset?.());
        this.triggerEvent('reset', {});
      },
    },
  });

  defineBuiltin('label', {
    properties: { for: { type: String, value: '' } },
    attached(host: BuiltinHost) {
      host.addEventListener('click', (e) => {
        const target = e.target as Element;
        const forId = String(this.data.for || '');
        const control = forId
          ? ownerNodeById(this, forId)
          : host.querySelector('wx-checkbox, wx-radio, wx-switch');
        if (!control || control.contains(target)) return;
        builtinOf(control)?.activate?.();
      });
    },
  });
}
