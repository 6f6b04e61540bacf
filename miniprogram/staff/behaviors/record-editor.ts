// The editors of one record (编辑通知公告, 编辑政策, 编辑办事事项, 编辑民意调查): the record of `?id=` read together with the
// session's meta (no call of its own), or a new one; the id and version last read, which every write carries (a stale
// one gets CONFLICT), and the key that makes a retried create answer the same record; one write at a time; a refusal
// said in words, with what to do after a CONFLICT. The page says how to read and show its record in
// `setUpRecordEditor` (in onLoad); its WXML binds onRetry.
import type { MetaGetResponse } from '../../../typings/api';
import { ApiCallError, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { randomId } from '../../utils/id';
import { pageState } from '../../utils/page';

/** The record being edited: its id ('' until first saved), the version last read, its create key; a write running. */
export const editedRecord = pageState(() => ({ id: '', version: 0, clientRequestId: randomId(), busy: false }));

export interface RecordEditorSpec<R> {
  read(id: string): Promise<R>;
  /** Puts what the form needs from the session's meta on screen (departments, categories, limits, vocabulary). */
  withMeta(meta: MetaGetResponse): void;
  /** Puts the record read on screen. */
  show(record: R): void;
  /** No record to read (a new one): the empty form, once the meta is here. */
  showNew?(meta: MetaGetResponse): void;
  /** After the first read is on screen, the loading state gone. */
  loaded?(): void;
  /** Said after the server's message when someone saved first (CONFLICT): what to do now. */
  conflictHint: string;
}

interface EditorPage {
  setData(patch: Record<string, unknown>): void;
  load(): Promise<void>;
}

const specs = new WeakMap<object, RecordEditorSpec<never>>();

/** Gives the page its record (call it in onLoad); the record, or the empty form, is then read. */
export function setUpRecordEditor<R>(page: EditorPage, spec: RecordEditorSpec<R>, query: Record<string, string | undefined>): void {
  editedRecord(page).id = query.id ?? '';
  specs.set(page, spec as RecordEditorSpec<never>);
  void page.load();
}

/** A record the server answered: the next write carries its id and version. */
export function keepRecord(page: object, record: { id: string; version: number }): void {
  const h = editedRecord(page);
  h.id = record.id;
  h.version = record.version;
}

/** A refusal in words: the server's message and, after a CONFLICT, what to do. */
export function refusalText(page: object, error: unknown): string {
  const conflict = error instanceof ApiCallError && error.code === 'CONFLICT';
  return messageOf(error) + (conflict ? (specs.get(page)?.conflictHint ?? '') : '');
}

export const recordEditor = Behavior({
  data: {
    loading: true,
    error: '',
  },
  methods: {
    async load(this: EditorPage) {
      const spec = specs.get(this);
      if (!spec) return;
      const id = editedRecord(this).id;
      this.setData({ loading: true, error: '' });
      try {
        const [meta, record] = await Promise.all([getMeta(), id ? spec.read(id) : null]);
        spec.withMeta(meta);
        if (record) spec.show(record);
        else spec.showNew?.(meta);
        this.setData({ loading: false });
        spec.loaded?.();
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },

    onRetry(this: EditorPage) {
      void this.load();
    },

    /** Runs `work` unless another write is running; `busyKey`, if any, is true in data meanwhile (buttons show it). */
    async oneWrite(this: EditorPage, work: () => Promise<void>, busyKey = ''): Promise<void> {
      const h = editedRecord(this);
      if (h.busy) return;
      h.busy = true;
      if (busyKey) this.setData({ [busyKey]: true });
      try {
        await work();
      } finally {
        h.busy = false;
        if (busyKey) this.setData({ [busyKey]: false });
      }
    },
  },
});
