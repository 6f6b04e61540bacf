// The EventChannel between a page and the page it opened with wx.navigateTo({ events }).
type Listener = (...args: unknown[]) => void;

export class EventChannel {
  private readonly listeners = new Map<string, Array<{ fn: Listener; once: boolean }>>();

  constructor(events?: Record<string, Listener>) {
    for (const [name, fn] of Object.entries(events ?? {})) this.on(name, fn);
  }

  on(name: string, fn: Listener): void {
    const list = this.listeners.get(name) ?? [];
    list.push({ fn, once: false });
    this.listeners.set(name, list);
  }

  once(name: string, fn: Listener): void {
    const list = this.listeners.get(name) ?? [];
    list.push({ fn, once: true });
    this.listeners.set(name, list);
  }

  off(name: string, fn?: Listener): void {
    if (!fn) this.listeners.delete(name);
    else this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l.fn !== fn));
  }

  emit(name: string, ...args: unknown[]): void {
    const list = this.listeners.get(name) ?? [];
    this.listeners.set(name, list.filter((l) => !l.once));
    for (const l of list) l.fn(...args);
  }
}
