// The screen state of a page that shows one answer: loading while it comes, then what it puts on screen, or the
// error's message for the page's retry screen.
import { messageOf } from '../services/api';

export async function loadInto(page: { setData(patch: Record<string, unknown>): void }, fetch: () => Promise<Record<string, unknown>>): Promise<void> {
  page.setData({ loading: true, error: '' });
  try {
    page.setData({ loading: false, ...(await fetch()) });
  } catch (error) {
    page.setData({ loading: false, error: messageOf(error) });
  }
}
