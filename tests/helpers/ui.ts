// Driving a page mounted with miniprogram-simulate the way a finger and a keyboard do: taps are real DOM touch
// events (the same path as in WeChat's tap detection), typing goes through the inner <input>/<textarea> of a
// van-field, picking through a native picker's change event. Elements are found by `data-testid` (WXML ids are not
// written to the DOM) or, for components, by their WXML id through j-component.
import simulate from 'miniprogram-simulate';

type Mounted = ReturnType<typeof simulate.render>;
type Wrapper = NonNullable<ReturnType<Mounted['querySelector']>>;

/** Attaches the page's DOM to the document, which touch events need to bubble to the framework. */
export function onScreen(page: Mounted): void {
  const root = page.dom?.parentNode as Node | null;
  if (root && !root.isConnected) document.body.appendChild(root);
}

export function byTestId(page: Mounted, id: string, index = 0): Element | null {
  return page.dom?.querySelectorAll(`[data-testid="${id}"]`)[index] ?? null;
}

export function allByTestId(page: Mounted, id: string): Element[] {
  return Array.from(page.dom?.querySelectorAll(`[data-testid="${id}"]`) ?? []);
}

export function textOf(page: Mounted, id: string): string {
  return (byTestId(page, id)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

let touchId = 0;

/** A touchstart + touchend on the element: the framework turns it into a `tap`. */
export async function tapElement(page: Mounted, el: Element): Promise<void> {
  onScreen(page);
  const t = new Touch({ identifier: ++touchId, target: el, pageX: 5, pageY: 5, clientX: 5, clientY: 5 });
  el.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, composed: true, touches: [t], targetTouches: [t], changedTouches: [t] }));
  el.dispatchEvent(new TouchEvent('touchend', { bubbles: true, composed: true, touches: [], targetTouches: [], changedTouches: [t] }));
  await simulate.sleep(0);
}

export async function tap(page: Mounted, testId: string, index = 0): Promise<void> {
  const el = byTestId(page, testId, index);
  if (!el) throw new Error(`no element data-testid="${testId}" [${index}]`);
  // A Vant component's host carries the testid; the tappable node is its first rendered child.
  const target = el.tagName.toLowerCase().startsWith('van-') ? (el.firstElementChild ?? el) : el;
  await tapElement(page, target);
}

function component(page: Mounted, wxmlId: string): Wrapper {
  const found = page.querySelector(`#${wxmlId}`);
  if (!found) throw new Error(`no component #${wxmlId}`);
  return found;
}

/** Types into a van-field (WXML id `fieldId`, its `name` is the inner input's id) and waits for its change event. */
export async function typeInto(page: Mounted, fieldId: string, name: string, value: string): Promise<void> {
  const inner = component(page, fieldId).querySelector(`#${name}`);
  if (!inner) throw new Error(`van-field #${fieldId} has no inner #${name}`);
  inner.dispatchEvent('input', { detail: { value } });
  await simulate.sleep(20);
}

/** Chooses entry `index` of a native <picker> (WXML id). */
export async function pick(page: Mounted, pickerId: string, index: number): Promise<void> {
  component(page, pickerId).dispatchEvent('change', { detail: { value: index } });
  await simulate.sleep(0);
}

/** Taps a van-button found by WXML id (through its inner <button>). */
export async function press(page: Mounted, buttonId: string): Promise<void> {
  const inner = component(page, buttonId).querySelector('.van-button');
  if (!inner) throw new Error(`#${buttonId} is not a van-button`);
  inner.dispatchEvent('tap');
  await simulate.sleep(0);
}

/** Types into a van-search (WXML id), through the input of its inner van-field. */
export async function typeIntoSearch(page: Mounted, searchId: string, value: string): Promise<void> {
  // The field's slot wrapper carries the same class as its <input>; the input comes last.
  const controls = component(page, searchId).querySelector('.van-search__field')?.querySelectorAll('.van-field__control') ?? [];
  const inner = controls[controls.length - 1];
  if (!inner) throw new Error(`#${searchId} is not a van-search`);
  inner.dispatchEvent('input', { detail: { value } });
  await simulate.sleep(20);
}
