// An ordered list of texts the editor writes (a policy's or a draft's paragraphs, an explanation's key points): each
// item can be edited, moved up or down, removed, and a new one added after it. Controlled: the page owns the list.
// It lives in the staff subpackage: citizens never download editor code.
// Typing emits `input` { index, value } (the page updates one path); structural edits emit `change` { items } with
// the new list computed by the pure operations in staff/policy-edit/form.ts.
import { defineComponent } from '../../../utils/component';
import { dataOf, valueOf, type DetailEvent } from '../../../utils/events';
import { insertAfter, moveItem, removeItem } from '../../policy-edit/form';

defineComponent({
  props: {
    items: { type: Array, value: [] as string[] },
    /** "段" or "条": how one item is called in labels ("第 2 段"). */
    unit: { type: String, value: '段' },
    placeholder: { type: String, value: '' },
    addText: { type: String, value: '添加一段' },
    disabled: { type: Boolean, value: false },
    /** Messages by item index (the page maps `paragraphs.3` to { 3: ... }). */
    errors: { type: Object, value: {} as Record<string, string> },
    maxlength: { type: Number, value: 5000 },
    testid: { type: String, value: 'list' },
  },
  methods: {
    emitChange(items: string[]) {
      this.triggerEvent('change', { items });
    },
    onInput(e: DetailEvent<unknown>) {
      this.triggerEvent('input', { index: Number(dataOf(e, 'index')), value: valueOf(e.detail) });
    },
    onUp(e: WechatMiniprogram.BaseEvent) {
      this.emitChange(moveItem(this.data.items as string[], Number(dataOf(e, 'index')), -1));
    },
    onDown(e: WechatMiniprogram.BaseEvent) {
      this.emitChange(moveItem(this.data.items as string[], Number(dataOf(e, 'index')), 1));
    },
    onRemove(e: WechatMiniprogram.BaseEvent) {
      this.emitChange(removeItem(this.data.items as string[], Number(dataOf(e, 'index'))));
    },
    onAddAfter(e: WechatMiniprogram.BaseEvent) {
      this.emitChange(insertAfter(this.data.items as string[], Number(dataOf(e, 'index')), ''));
    },
    onAdd() {
      const items = this.data.items as string[];
      this.emitChange(insertAfter(items, items.length - 1, ''));
    },
  },
});
