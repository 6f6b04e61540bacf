// A form the citizen or staff member has started must survive a back press, a call, or WeChat killing the mini
// program: every change is kept in local storage under the form's key (per case type, per case, per policy) and
// WeChat's "leave?" question is switched on while the form differs from what it started as. Submitting or saving
// clears both. Storage and the leave question are passed in so the rules run in plain unit tests.

export interface DraftStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

export interface LeaveAlert {
  enable(message: string): void;
  disable(): void;
}

interface Stored<T> {
  v: 1;
  savedAt: number;
  form: T;
}

/** Drafts older than this are stale (a policy changed, a case closed): they are dropped instead of restored. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

const PREFIX = 'form-draft:';

export const wxDraftStorage: DraftStorage = {
  get: (key) => {
    try {
      return wx.getStorageSync(key);
    } catch {
      return undefined;
    }
  },
  set: (key, value) => {
    try {
      wx.setStorageSync(key, value);
    } catch {
      // A full storage must not stop the citizen typing; the draft is a convenience, the form is the truth.
    }
  },
  remove: (key) => {
    try {
      wx.removeStorageSync(key);
    } catch {
      // as above
    }
  },
};

/** WeChat's own "leave this page?" dialog on 返回, where the base library has it (2.12.0+). */
export const wxLeaveAlert: LeaveAlert = {
  enable: (message) => {
    if (typeof wx.enableAlertBeforeUnload === 'function' && wx.canIUse('enableAlertBeforeUnload')) wx.enableAlertBeforeUnload({ message });
  },
  disable: () => {
    if (typeof wx.disableAlertBeforeUnload === 'function' && wx.canIUse('disableAlertBeforeUnload')) wx.disableAlertBeforeUnload();
  },
};

export interface FormDraftOptions<T> {
  /** What the draft is of, e.g. "submit:complaint" or "reply:<caseId>" (stored under a prefix of its own). */
  key: string;
  /** The question WeChat asks on 返回 while the form is changed. */
  message: string;
  /** Whether a form has anything worth keeping (an empty form is never stored). */
  hasContent?: (form: T) => boolean;
  storage?: DraftStorage;
  alert?: LeaveAlert;
  now?: () => number;
}

export interface FormDraft<T> {
  readonly key: string;
  /** The kept draft and when it was kept, if one is there and fresh; a stale or malformed one is removed. */
  restore(): { form: T; savedAt: number } | null;
  /** The form as it starts (loaded, or emptied): no draft, no question while the form equals it. */
  start(baseline: T): void;
  /** Call on every change: keeps the draft and asks before leaving while the form differs from the baseline. */
  update(form: T): void;
  /** After a successful submit or save: forget the draft and stop asking; `baseline` becomes the new start. */
  clear(baseline?: T): void;
  /** Whether leaving now would lose changes. */
  readonly changed: boolean;
}

export function formDraft<T>(opts: FormDraftOptions<T>): FormDraft<T> {
  const storage = opts.storage ?? wxDraftStorage;
  const alert = opts.alert ?? wxLeaveAlert;
  const now = opts.now ?? Date.now;
  const stored = PREFIX + opts.key;
  // A snapshot, not the object: a page's setData on a path ("form.paragraphs[0]") changes its data in place.
  let baseline: string | null = null;
  let asking = false;
  let changed = false;

  const ask = (on: boolean) => {
    if (on === asking) return;
    asking = on;
    if (on) alert.enable(opts.message);
    else alert.disable();
  };

  return {
    key: opts.key,
    get changed() {
      return changed;
    },
    restore() {
      const kept = storage.get(stored) as Stored<T> | undefined | '';
      if (!kept || typeof kept !== 'object' || kept.v !== 1 || !kept.form || typeof kept.savedAt !== 'number') {
        if (kept) storage.remove(stored);
        return null;
      }
      if (now() - kept.savedAt > DRAFT_MAX_AGE_MS) {
        storage.remove(stored);
        return null;
      }
      return { form: kept.form, savedAt: kept.savedAt };
    },
    start(form) {
      baseline = JSON.stringify(form);
      changed = false;
      ask(false);
    },
    update(form) {
      changed = baseline === null || JSON.stringify(form) !== baseline;
      const worthKeeping = changed && (opts.hasContent ? opts.hasContent(form) : true);
      if (worthKeeping) storage.set(stored, { v: 1, savedAt: now(), form } satisfies Stored<T>);
      else storage.remove(stored);
      ask(changed);
    },
    clear(next) {
      storage.remove(stored);
      if (next !== undefined) baseline = JSON.stringify(next);
      changed = false;
      ask(false);
    },
  };
}
