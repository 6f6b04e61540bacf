// <input> and <textarea>: a real browser field inside the host, with WeChat's properties (value, placeholder,
// placeholder-class/-style, maxlength defaulting to 140, password, disabled, focus, auto-height) and events
// (input with detail.value/cursor, focus, blur, confirm, linechange).
import { defineBuiltin, ownerClassPrefix, type Builtin, type BuiltinHost } from './define';

type Field = HTMLInputElement | HTMLTextAreaElement;

const common = {
  value: { type: String, value: '' },
  placeholder: { type: String, value: '' },
  placeholderClass: { type: String, value: '' },
  placeholderStyle: { type: String, value: '' },
  disabled: { type: Boolean, value: false },
  maxlength: { type: Number, value: 140 },
  focus: { type: Boolean, value: false },
  autoFocus: { type: Boolean, value: false },
  confirmType: { type: String, value: 'done' },
  name: { type: String, value: '' },
  cursor: { type: Number, value: -1 },
  cursorSpacing: null,
  adjustPosition: null,
  holdKeyboard: null,
  alwaysEmbed: null,
  confirmHold: null,
  selectionStart: null,
  selectionEnd: null,
};

function fieldOf(self: Builtin): Field {
  return self.__mpField as Field;
}

/** placeholder-class names are scoped to the owner's styles: read the colour they give and apply it to ::placeholder. */
function applyPlaceholderLook(self: Builtin, host: BuiltinHost, field: Field): void {
  const cls = String(self.data.placeholderClass || '').trim();
  const style = String(self.data.placeholderStyle || '');
  const key = `${cls}|${style}`;
  if (self.__mpPlaceholderKey === key) return;
  self.__mpPlaceholderKey = key;
  const probe = document.createElement('span');
  const prefix = ownerClassPrefix(self);
  if (cls) probe.className = cls.split(/\s+/).map((c) => `${prefix}${c}`).join(' ');
  probe.setAttribute('style', style);
  host.append(probe);
  const look = getComputedStyle(probe);
  const hasLook = cls || style;
  field.style.setProperty('--mp-placeholder-color', hasLook ? look.color : '');
  probe.remove();
}

function lineCount(field: Field): number {
  const lineHeight = parseFloat(getComputedStyle(field).lineHeight) || parseFloat(getComputedStyle(field).fontSize) * 1.4 || 20;
  return Math.max(1, Math.round(field.scrollHeight / lineHeight));
}

function fitHeight(self: Builtin, field: Field): void {
  if (!(field instanceof HTMLTextAreaElement) || !self.data.autoHeight) return;
  field.style.height = 'auto';
  field.style.height = `${field.scrollHeight}px`;
  const lines = lineCount(field);
  if (self.__mpLines !== undefined && self.__mpLines !== lines) {
    self.triggerEvent('linechange', { height: field.scrollHeight, heightRpx: field.scrollHeight * 2, lineCount: lines });
  }
  self.__mpLines = lines;
}

function setup(self: Builtin, host: BuiltinHost, field: Field): void {
  self.__mpField = field;
  field.style.setProperty('--mp-placeholder-color', '');
  host.append(field);
  field.addEventListener('input', () => {
    self.__mpValue = field.value;
    self.data.value = field.value;
    fitHeight(self, field);
    self.triggerEvent('input', { value: field.value, cursor: field.selectionStart ?? field.value.length, keyCode: 0 });
  });
  field.addEventListener('focus', () => self.triggerEvent('focus', { value: field.value, height: 0 }));
  field.addEventListener('blur', () => self.triggerEvent('blur', { value: field.value, cursor: field.selectionStart ?? field.value.length }));
  field.addEventListener('keydown', (e) => {
    const evt = e as KeyboardEvent;
    if (evt.key !== 'Enter' || evt.isComposing) return;
    const isTextarea = field instanceof HTMLTextAreaElement;
    // A textarea's "完成" key is its confirm; Enter types a newline unless confirm-type asks otherwise.
    if (isTextarea && !(evt.ctrlKey || evt.metaKey) && self.data.confirmType === 'return') return;
    if (isTextarea) evt.preventDefault();
    self.triggerEvent('confirm', { value: field.value });
    if (!self.data.confirmHold) field.blur();
  });
}

function render(self: Builtin, host: BuiltinHost): void {
  const field = fieldOf(self);
  const d = self.data;
  const value = String(d.value ?? '');
  if (value !== self.__mpValue) {
    field.value = value;
    self.__mpValue = value;
  }
  field.placeholder = String(d.placeholder ?? '');
  field.disabled = Boolean(d.disabled);
  if (Number(d.maxlength) >= 0) field.maxLength = Number(d.maxlength);
  else field.removeAttribute('maxlength');
  if (field instanceof HTMLInputElement) {
    const type = String(d.type || 'text');
    field.type = d.password || type === 'safe-password' ? 'password' : 'text';
    field.inputMode = type === 'number' ? 'numeric' : type === 'digit' ? 'decimal' : 'text';
    field.enterKeyHint = String(d.confirmType || 'done') === 'done' ? 'done' : String(d.confirmType);
  }
  applyPlaceholderLook(self, host, field);
  if (d.autoHeight) host.setAttribute('data-auto-height', '');
  else host.removeAttribute('data-auto-height');
  fitHeight(self, field);
  if ((d.focus || (d.autoFocus && !self.__mpAutoFocused)) && document.activeElement !== field) {
    self.__mpAutoFocused = true;
    window.setTimeout(() => field.focus(), 0);
  }
}

/** input and textarea differ only in their DOM element and the properties WeChat gives each. */
function defineTextField(tag: 'input' | 'textarea', properties: Record<string, unknown>): void {
  defineBuiltin(tag, {
    template: '<slot/>',
    properties: { ...common, ...properties },
    attached(host) {
      setup(this, host, document.createElement(tag));
    },
    render(host) {
      render(this, host);
    },
    methods: {
      formValue(this: Builtin) {
        return fieldOf(this).value;
      },
      formReset(this: Builtin) {
        this.setData({ value: '' });
      },
      activate(this: Builtin) {
        fieldOf(this).focus();
      },
    },
  });
}

export function defineTextFields(): void {
  defineTextField('input', { type: { type: String, value: 'text' }, password: { type: Boolean, value: false } });
  defineTextField('textarea', {
    autoHeight: { type: Boolean, value: false },
    fixed: null,
    showConfirmBar: null,
    disableDefaultPadding: null,
    confirmType: { type: String, value: 'return' },
  });
}
