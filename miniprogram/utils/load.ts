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

interface Loads {
  load(): Promise<void>;
}

/**
 * What such a page does besides its own `load` method: it loads when opened, again on pull-down (the spinner stops
 * once the answer is on screen) and from its retry screen. Spread into definePage's options.
 */
export const loadsOneAnswer = {
  onLoad(this: Loads) {
    void this.load();
  },
  async onPullDownRefresh(this: Loads) {
    await this.load();
    wx.stopPullDownRefresh();
  },
};
