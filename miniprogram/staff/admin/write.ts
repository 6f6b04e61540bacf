// One admin write, as every section of 管理 runs it: one at a time per section, a toast when done, the server's
// message (and its field messages, for the form) when it fails. Departments, categories and settings are part of
// meta.get, so a write drops the session's copy and the next read fetches them afresh.
import { ApiCallError, messageOf } from '../../services/api';
import { invalidateSession } from '../../services/session';
import { pageState } from '../../utils/page';

const writing = pageState(() => ({ busy: false }));

export interface WriteOptions {
  /** The toast when it went through. */
  done: string;
  onFields?(fields: Record<string, string>): void;
  /** Someone else saved first: read again what the section shows. */
  onConflict?(): void;
}

/** The write's answer, or null when it failed or another write of this section is under way. */
export async function adminWrite<T>(section: object, work: () => Promise<T>, options: WriteOptions): Promise<T | null> {
  const state = writing(section);
  if (state.busy) return null;
  state.busy = true;
  try {
    const result = await work();
    invalidateSession();
    void wx.showToast({ title: options.done, icon: 'success' });
    return result;
  } catch (error) {
    if (error instanceof ApiCallError && Object.keys(error.fields).length && options.onFields) options.onFields(error.fields);
    if (error instanceof ApiCallError && error.code === 'CONFLICT') options.onConflict?.();
    void wx.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
    return null;
  } finally {
    state.busy = false;
  }
}
