// <switch>, <checkbox>/<checkbox-group>, <radio>/<radio-group>: tapping toggles; the switch reports change with
// detail.value (boolean), the groups report change with the checked values (string[] / string), as in WeChat.
import { builtinOf, defineBuiltin, hostOf, type Builtin, type BuiltinHost } from './define';

function box(radio: boolean): HTMLElement {
  const el = document.createElement('span');
  el.className = `mp-checkbox${radio ? ' mp-checkbox--radio' : ''}`;
  return el;
}

function renderBox(el: HTMLElement, checked: boolean, disabled: boolean, color: string, radio: boolean): void {
  el.textContent = checked ? (radio ? '●' : '✓') : '';
  el.style.color = color;
  el.style.fontSize = radio ? '12px' : '16px';
  el.classList.toggle('mp-checkbox--disabled', disabled);
}

function groupValues(group: BuiltinHost, tag: 'wx-checkbox' | 'wx-radio'): string[] {
  return Array.from(group.querySelectorAll(tag))
    .filter((el) => el.closest(tag === 'wx-checkbox' ? 'wx-checkbox-group' : 'wx-radio-group') === group)
    .map((el) => builtinOf(el))
    .filter((c): c is Builtin => Boolean(c?.data.checked))
    .map((c) => String(c.data.value ?? ''));
}

function defineCheck(kind: 'checkbox' | 'radio'): void {
  const radio = kind === 'radio';
  const groupTag = radio ? 'wx-radio-group' : 'wx-checkbox-group';
  defineBuiltin(kind, {
    properties: { value: { type: String, value: '' }, checked: { type: Boolean, value: false }, disabled: { type: Boolean, value: false }, color: { type: String, value: '#09BB07' } },
    attached(host) {
      host.setAttribute('role', kind);
      this.__mpBox = box(radio);
      host.prepend(this.__mpBox);
      host.addEventListener('click', () => this.activate());
    },
    render(host) {
      renderBox(this.__mpBox, Boolean(this.data.checked), Boolean(this.data.disabled), String(this.data.color), radio);
      host.setAttribute('aria-checked', this.data.checked ? 'true' : 'false');
    },
    methods: {
      activate(this: Builtin) {
        if (this.data.disabled) return;
        if (radio && this.data.checked) return;
        const group = hostOf(this).parentElement?.closest(groupTag) as BuiltinHost | null;
        if (radio && group) {
          group.querySelectorAll('wx-radio').forEach((el) => {
            const other = builtinOf(el);
            if (other && other !== this && el.closest(groupTag) === group && other.data.checked) other.setData({ checked: false });
          });
        }
        this.setData({ checked: !this.data.checked });
        const g = builtinOf(group);
        if (g) g.triggerEvent('change', { value: radio ? (groupValues(group!, 'wx-radio')[0] ?? '') : groupValues(group!, 'wx-checkbox') });
      },
    },
  });
  defineBuiltin(`${kind}-group`, {
    properties: { name: { type: String, value: '' } },
    methods: {
      formValue(this: Builtin) {
        const values = groupValues(hostOf(this), radio ? 'wx-radio' : 'wx-checkbox');
        return radio ? (values[0] ?? '') : values;
      },
      formReset(this: Builtin) {
        hostOf(this)
          .querySelectorAll(radio ? 'wx-radio' : 'wx-checkbox')
          .forEach((el) => builtinOf(el)?.setData({ checked: false }));
      },
    },
  });
}

export function defineToggles(): void {
  defineCheck('checkbox');
  defineCheck('radio');
  defineBuiltin('switch', {
    template: '<slot/>',
    properties: {
      checked: { type: Boolean, value: false },
      disabled: { type: Boolean, value: false },
      type: { type: String, value: 'switch' },
      color: { type: String, value: '#04BE02' },
      name: { type: String, value: '' },
    },
    attached(host) {
      host.setAttribute('role', 'switch');
      host.addEventListener('click', () => this.activate());
    },
    render(host) {
      const d = this.data;
      const checked = Boolean(d.checked);
      host.setAttribute('aria-checked', checked ? 'true' : 'false');
      if (d.type === 'checkbox') {
        const b = box(false);
        renderBox(b, checked, Boolean(d.disabled), String(d.color), false);
        host.replaceChildren(b);
      } else {
        const track = document.createElement('div');
        track.className = `mp-switch${checked ? ' mp-switch--on' : ''}`;
        if (checked) track.style.background = String(d.color);
        if (d.disabled) track.style.opacity = '.5';
        host.replaceChildren(track);
      }
    },
    methods: {
      activate(this: Builtin) {
        if (this.data.disabled) return;
        this.setData({ checked: !this.data.checked });
        this.triggerEvent('change', { value: Boolean(this.data.checked) });
      },
      formValue(this: Builtin) {
        return Boolean(this.data.checked);
      },
      formReset(this: Builtin) {
        this.setData({ checked: false });
      },
    },
  });
}
