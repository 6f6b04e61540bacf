// The browser globals the preview's scripts share: simulate's build, the file map, wcc's output, the server's config.
import type { Manifest, PreviewConfig } from '../shared/manifest';

/* eslint-disable @typescript-eslint/no-explicit-any -- simulate, exparser and wcc are untyped */
export type AnyObject = Record<string, any>;

export interface RootComponent {
  readonly dom: HTMLElement;
  readonly data: AnyObject;
  readonly instance: AnyObject;
  attach(parent: Element): void;
  detach(): void;
  triggerPageLifeTime(name: string, ...args: unknown[]): void;
  triggerLifeTime(name: string, ...args: unknown[]): void;
}

export interface Simulate {
  load(pathOrDefinition: string | AnyObject, tagName?: string | AnyObject, options?: AnyObject): string;
  render(id: string, properties?: AnyObject): RootComponent;
}

export interface PreviewWindow extends Window {
  simulate: Simulate;
  __FILE_MAP__: Record<string, unknown>;
  __mpGwx: (path: string) => unknown;
  __PREVIEW__: PreviewConfig;
  __MANIFEST__: Manifest;
  __mpRpx?: (style: string) => string;
  __mpRunModule?: (filePath: string) => unknown;
  __mpRect?: (el: Element) => DOMRect;
  __mpAria?: (node: AnyObject, name: string, value: unknown) => void;
  __mpViewport?: () => { width: number; height: number; scrollTop: number };
  require: (path: string) => unknown;
  Component: (def: AnyObject) => unknown;
  Behavior: (def: AnyObject) => unknown;
  App?: (def: AnyObject) => unknown;
  Page?: (def: AnyObject) => unknown;
  getApp?: () => AnyObject;
  getCurrentPages?: () => unknown[];
  wx: AnyObject;
}

export const win = window as unknown as PreviewWindow;
