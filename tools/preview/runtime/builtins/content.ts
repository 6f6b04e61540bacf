// <navigator> (a tap runs the route API of its open-type), <rich-text> (nodes as an HTML string or a node array,
// limited to WeChat's tag and attribute whitelist, classes scoped like the owner's), <progress>, <slider>, <icon>.
import { reportUnsupported } from '../loud';
import { defineBuiltin, ownerClassPrefix, type Builtin } from './define';

export interface NavigatorContext {
  route(openType: string, url: string, delta: number): void;
}

const TAGS = new Set(
  'a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup dd del div dl dt em fieldset font footer h1 h2 h3 h4 h5 h6 header hr i img ins label legend li mark nav ol p pre q rt ruby s section small span strong sub sup table tbody td tfoot th thead tr tt u ul'.split(
    ' ',
  ),
);
const ATTRS: Record<string, string[]> = {
  '*': ['class', 'style', 'dir'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  img: ['alt', 'src', 'height', 'width'],
  ol: ['start', 'type'],
  table: ['width'],
  td: ['colspan', 'height', 'rowspan', 'width'],
  th: ['colspan', 'height', 'rowspan', 'width'],
  font: ['color', 'face', 'size'],
};

interface RichNode {
  type?: 'node' | 'text';
  name?: string;
  text?: string;
  attrs?: Record<string, string>;
  children?: RichNode[];
}

function fromDom(node: Node): RichNode | null {
  if (node.nodeType === Node.TEXT_NODE) return { type: 'text', text: node.textContent ?? '' };
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const attrs: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) attrs[a.name] = a.value;
  return { name: el.tagName.toLowerCase(), attrs, children: Array.from(el.childNodes).map(fromDom).filter((n): n is RichNode => n !== null) };
}

function build(node: RichNode, prefix: string, resolveSrc: (src: string) => string): Node | null {
  if (node.type === 'text') return document.createTextNode(node.text ?? '');
  const name = String(node.name ?? '').toLowerCase();
  if (!TAGS.has(name)) return null;
  const el = document.createElement(name);
  const allowed = [...ATTRS['*']!, ...(ATTRS[name] ?? [])];
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (!allowed.includes(key)) continue;
    if (key === 'class') el.className = String(value).split(/\s+/).filter(Boolean).map((c) => `${prefix}${c}`).join(' ');
    else if (key === 'src') el.setAttribute('src', resolveSrc(String(value)));
    else el.setAttribute(key, String(value));
  }
  for (const child of node.children ?? []) {
    const built = build(child, prefix, resolveSrc);
    if (built) el.append(built);
  }
  return el;
}

export function defineContent(nav: NavigatorContext, resolveSrc: (src: string) => string): void {
  defineBuiltin('navigator', {
    properties: {
      url: { type: String, value: '' },
      openType: { type: String, value: 'navigate' },
      delta: { type: Number, value: 1 },
      target: { type: String, value: 'self' },
      hoverClass: null,
      hoverStopPropagation: null,
      hoverStartTime: null,
      hoverStayTime: null,
      appId: null,
      path: null,
      extraData: null,
      version: null,
    },
    attached(host) {
      host.setAttribute('role', 'link');
      host.addEventListener('click', () => {
        if (this.data.target === 'miniProgram') {
          reportUnsupported('<navigator target="miniProgram">');
          return;
        }
        const openType = String(this.data.openType || 'navigate');
        if (openType === 'exit') {
          reportUnsupported('<navigator open-type="exit">');
          return;
        }
        nav.route(openType, String(this.data.url || ''), Number(this.data.delta) || 1);
      });
    },
  });

  defineBuiltin('rich-text', {
    template: '<slot/>',
    properties: { nodes: { type: null, value: [] }, space: null, userSelect: null },
    render(this: Builtin, host) {
      const nodes = this.data.nodes;
      const list: RichNode[] =
        typeof nodes === 'string'
          ? Array.from(new DOMParser().parseFromString(`<body>${nodes}</body>`, 'text/html').body.childNodes)
              .map(fromDom)
              .filter((n): n is RichNode => n !== null)
          : Array.isArray(nodes)
            ? (nodes as RichNode[])
            : [];
      const prefix = ownerClassPrefix(this);
      const wrapper = document.createElement('span');
      wrapper.className = 'mp-rich-text';
      for (const node of list) {
        const built = build(node, prefix, resolveSrc);
        if (built) wrapper.append(built);
      }
      host.replaceChildren(wrapper);
    },
  });

  defineBuiltin('progress', {
    template: '<slot/>',
    properties: {
      percent: { type: Number, value: 0 },
      showInfo: { type: Boolean, value: false },
      borderRadius: { type: null, value: 0 },
      fontSize: { type: null, value: 16 },
      strokeWidth: { type: null, value: 6 },
      color: { type: String, value: '' },
      activeColor: { type: String, value: '#09BB07' },
      backgroundColor: { type: String, value: '#EBEBEB' },
      active: null,
      activeMode: null,
      duration: null,
    },
    render(host) {
      const d = this.data;
      const percent = Math.min(100, Math.max(0, Number(d.percent) || 0));
      const bar = document.createElement('div');
      bar.className = 'mp-progress';
      bar.style.height = `${parseFloat(String(d.strokeWidth))}px`;
      bar.style.borderRadius = `${parseFloat(String(d.borderRadius))}px`;
      bar.style.background = String(d.backgroundColor);
      const fill = document.createElement('i');
      fill.style.width = `${percent}%`;
      fill.style.background = String(d.color || d.activeColor);
      bar.append(fill);
      const parts: Node[] = [bar];
      if (d.showInfo) {
        const info = document.createElement('span');
        info.textContent = `${percent}%`;
        info.style.fontSize = `${parseFloat(String(d.fontSize))}px`;
        parts.push(info);
      }
      host.replaceChildren(...parts);
    },
  });

  defineBuiltin('slider', {
    template: '<slot/>',
    properties: {
      min: { type: Number, value: 0 },
      max: { type: Number, value: 100 },
      step: { type: Number, value: 1 },
      value: { type: Number, value: 0 },
      disabled: { type: Boolean, value: false },
      showValue: { type: Boolean, value: false },
      name: { type: String, value: '' },
      color: null,
      selectedColor: null,
      activeColor: { type: String, value: '#1aad19' },
      backgroundColor: null,
      blockSize: null,
      blockColor: null,
    },
    attached(host) {
      const input = document.createElement('input');
      input.type = 'range';
      input.addEventListener('input', () => this.triggerEvent('changing', { value: Number(input.value) }));
      input.addEventListener('change', () => {
        this.setData({ value: Number(input.value) });
        this.triggerEvent('change', { value: Number(input.value) });
      });
      this.__mpInput = input;
      host.append(input);
    },
    render(host) {
      const input = this.__mpInput as HTMLInputElement;
      const d = this.data;
      input.min = String(d.min);
      input.max = String(d.max);
      input.step = String(d.step);
      input.value = String(d.value);
      input.disabled = Boolean(d.disabled);
      input.style.accentColor = String(d.activeColor);
      let label = host.querySelector('span');
      if (d.showValue) {
        if (!label) host.append((label = document.createElement('span')));
        label.textContent = String(d.value);
      } else label?.remove();
    },
    methods: {
      formValue(this: Builtin) {
        return Number(this.data.value);
      },
      formReset(this: Builtin) {
        this.setData({ value: Number(this.data.min) });
      },
    },
  });

  const ICONS: Record<string, [string, string]> = {
    success: ['✔', '#09BB07'],
    success_no_circle: ['✓', '#09BB07'],
    info: ['ℹ', '#10AEFF'],
    warn: ['!', '#F76260'],
    waiting: ['◷', '#10AEFF'],
    cancel: ['✕', '#F43530'],
    download: ['↓', '#09BB07'],
    search: ['⌕', '#B2B2B2'],
    clear: ['✕', '#B2B2B2'],
  };
  defineBuiltin('icon', {
    template: '<slot/>',
    properties: { type: { type: String, value: '' }, size: { type: null, value: 23 }, color: { type: String, value: '' } },
    render(host) {
      const [glyph, color] = ICONS[String(this.data.type)] ?? ['?', '#999'];
      const i = document.createElement('i');
      const size = parseFloat(String(this.data.size)) || 23;
      i.textContent = glyph;
      i.style.cssText = `font-size:${size * 0.8}px;width:${size}px;height:${size}px;line-height:${size}px;color:${this.data.color || color}`;
      host.replaceChildren(i);
    },
  });
}
