// WeChat's accessibility attributes (base library 2.7.1+): `aria-*` on a component lands on the element it renders,
// and `aria-role` becomes `role`, so a screen reader (and axe here) sees them. simulate keeps only data-* attributes,
// so its attribute update calls this for every aria one (build/simulate-patch.ts); wcc hands them over camel-cased
// (`ariaLabel`, `ariaRole`).
import type { AnyObject } from './env';

export function ariaAttributeName(name: string): string {
  const dashed = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return dashed === 'aria-role' ? 'role' : dashed;
}

export function applyAria(node: AnyObject, name: string, value: unknown): void {
  const el = node.$$ as unknown;
  if (!(el instanceof Element)) return;
  const attribute = ariaAttributeName(name);
  if (value === undefined || value === null || value === '') el.removeAttribute(attribute);
  else el.setAttribute(attribute, String(value));
}
