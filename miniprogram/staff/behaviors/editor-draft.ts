// The editors' forms (编辑政策, 编辑意见征集) kept on the phone while they differ from what was last saved, and WeChat's
// "leave?" question on 返回 meanwhile (utils/form-draft). Any change to `form`, from a field, the list editor or a
// FAQ row, is caught by one observer, so the handlers stay as they are. A draft belongs to one saved version of the
// record: once someone saves a newer one, the old draft no longer applies and is dropped.
import { formDraft, type FormDraft } from '../../utils/form-draft';
import { pageState } from '../../utils/page';

interface Kept<F> {
  version: number;
  form: F;
}

const state = pageState(() => ({ draft: null as FormDraft<Kept<unknown>> | null, version: 0 }));

const LEAVE_MESSAGE = '修改还没有保存，已暂存在本机，下次打开可以接着改。确定离开吗？';

interface DraftPage {
  data: { form: unknown };
  setData(patch: Record<string, unknown>): void;
}

export const editorDraft = Behavior({
  observers: {
    'form.**'(this: DraftPage) {
      const s = state(this);
      s.draft?.update({ version: s.version, form: this.data.form });
    },
  },
  methods: {
    /**
     * Starts keeping the form of `key` (e.g. "policy:<id>", "policy:new") as loaded at `version`; a kept draft of
     * the same version is put back on screen. Answers whether one was.
     */
    startDraft(this: DraftPage, key: string, version: number): boolean {
      const s = state(this);
      const draft = formDraft<Kept<unknown>>({ key, message: LEAVE_MESSAGE });
      const loaded = { version, form: this.data.form };
      const kept = draft.restore();
      s.version = version;
      draft.start(loaded);
      s.draft = draft;
      if (!kept || kept.form.version !== version) {
        if (kept) draft.clear();
        return false;
      }
      this.setData({ form: kept.form.form });
      return true;
    },

    /** After a save: the form on screen is the record's `version`; nothing is left to lose. */
    draftSaved(this: DraftPage, version: number, key?: string) {
      const s = state(this);
      s.version = version;
      if (key && s.draft && s.draft.key !== key) {
        // A new record got its id: its draft moves from "new" to the id.
        s.draft.clear();
        s.draft = formDraft<Kept<unknown>>({ key, message: LEAVE_MESSAGE });
      }
      s.draft?.clear({ version, form: this.data.form });
    },
  },
});
