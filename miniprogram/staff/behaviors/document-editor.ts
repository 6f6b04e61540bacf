// What the two editors of the staff subpackage (编辑政策 staff/policy-edit, 编辑意见征集 staff/draft-edit) share: the
// body as paragraphs and the key points through staff/components/list-editor, the FAQ rows, the field messages, and
// how a refused save is shown. The page owns `form` (a PolicyForm or a DraftForm; both have paragraphs, keyPoints and
// faq); the Behavior brings `errors` and `formError` and the handlers the editors' WXML binds.
import { ApiCallError, messageOf } from '../../services/api';
import type { DetailEvent } from '../../utils/events';
import { dataOf, valueOf } from '../../utils/events';
import { errorView, firstError, NO_ERRORS, type ErrorView, type FaqRow } from '../policy-edit/form';

/** What the Behavior reads of the page. */
interface Editor {
  data: { form: { faq: FaqRow[] }; errors: ErrorView; formError: string };
  setData(patch: Record<string, unknown>): void;
}

/** The list editor's events: `input` carries the row's index and text, `change` the whole list after a move. */
type RowInput = WechatMiniprogram.CustomEvent<{ index: number; value: string }>;
type ListChange = WechatMiniprogram.CustomEvent<{ items: string[] }>;

/** Only the list editor's own event carries an index (an input event bubbling up from elsewhere does not). */
function rowOf(e: RowInput): { index: number; value: string } | null {
  return Number.isInteger(e.detail?.index) ? e.detail : null;
}

export const documentEditor = Behavior({
  data: {
    errors: NO_ERRORS,
    formError: '',
  },
  methods: {
    /** Clears a field's message (and the form's) once the editor touches the field. */
    clearError(this: Editor, key: string) {
      if (this.data.errors.fields[key] || this.data.formError) this.setData({ [`errors.fields.${key}`]: '', formError: '' });
    },

    /**
     * Puts the form's own check on screen: every message next to its field, and the first one under the buttons.
     * True when there is nothing to fix.
     */
    showFormCheck(this: Editor, errors: Record<string, string>): boolean {
      if (!Object.keys(errors).length) return true;
      this.setData({ errors: errorView(errors), formError: `请先修改标红的内容：${firstError(errors)}` });
      return false;
    },

    /** A refused save: the server's field messages where they belong; `conflictHint` says what to do on CONFLICT. */
    showSaveError(this: Editor, error: unknown, conflictHint: string) {
      if (error instanceof ApiCallError) {
        const conflict = error.code === 'CONFLICT' ? conflictHint : '';
        this.setData({ errors: errorView(error.fields), formError: `${error.message}${conflict}` });
      } else {
        this.setData({ formError: messageOf(error) });
      }
    },

    onParagraphInput(this: Editor, e: RowInput) {
      const row = rowOf(e);
      if (row) this.setData({ [`form.paragraphs[${row.index}]`]: row.value });
    },

    onParagraphs(this: Editor, e: ListChange) {
      // Indexes moved: messages pointing at paragraphs by index would now point at the wrong ones.
      this.setData({ 'form.paragraphs': e.detail.items, 'errors.paragraphs': {}, 'errors.fields.paragraphs': '' });
    },

    onKeyPointInput(this: Editor, e: RowInput) {
      const row = rowOf(e);
      if (row) this.setData({ [`form.keyPoints[${row.index}]`]: row.value });
    },

    onKeyPoints(this: Editor, e: ListChange) {
      this.setData({ 'form.keyPoints': e.detail.items, 'errors.keyPoints': {} });
    },

    onFaqInput(this: Editor, e: DetailEvent<unknown>) {
      const index = Number(dataOf(e, 'index'));
      const part = dataOf(e, 'part') === 'a' ? 'a' : 'q';
      this.setData({ [`form.faq[${index}].${part}`]: valueOf(e.detail), [`errors.faq.${index}`]: '' });
    },

    onFaqAdd(this: Editor) {
      this.setData({ 'form.faq': [...this.data.form.faq, { q: '', a: '' }] });
    },

    onFaqRemove(this: Editor, e: WechatMiniprogram.BaseEvent) {
      const index = Number(dataOf(e, 'index'));
      this.setData({ 'form.faq': this.data.form.faq.filter((_, i) => i !== index), 'errors.faq': {} });
    },
  },
});
