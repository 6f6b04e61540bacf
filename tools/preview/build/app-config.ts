// Reads app.json as WeChat does: main-package pages, subpackage pages (root + page), tab bar, window, global
// components. The accessibility sweep and the screenshots use pageRoutes() so every page added to app.json is covered.
import fs from 'fs';
import path from 'path';
import type { TabBarConfig, WindowConfig } from '../shared/manifest';
import { MP_ROOT } from '../paths';

interface SubpackageJson {
  root: string;
  name?: string;
  pages: string[];
  independent?: boolean;
}

export interface AppJson {
  pages: string[];
  entryPagePath?: string;
  subpackages?: SubpackageJson[];
  subPackages?: SubpackageJson[];
  window?: WindowConfig;
  tabBar?: TabBarConfig;
  usingComponents?: Record<string, string>;
}

export interface AppRoute {
  route: string;
  subpackage?: string;
}

export function readJsonFile<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`cannot read ${path.relative(process.cwd(), file)}: ${(error as Error).message}`);
  }
}

export function readAppJson(mpRoot = MP_ROOT): AppJson {
  return readJsonFile<AppJson>(path.join(mpRoot, 'app.json'));
}

const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, '');

/** Every page of app.json, main package first, then each subpackage's pages under its root. */
export function appRoutes(app: AppJson = readAppJson()): AppRoute[] {
  const routes: AppRoute[] = app.pages.map((route) => ({ route: trimSlashes(route) }));
  for (const sub of app.subpackages ?? app.subPackages ?? []) {
    const root = trimSlashes(sub.root);
    for (const page of sub.pages) routes.push({ route: `${root}/${trimSlashes(page)}`, subpackage: root });
  }
  return routes;
}

/** The page WeChat opens first. */
export function entryRoute(app: AppJson = readAppJson()): string {
  return trimSlashes(app.entryPagePath ?? app.pages[0] ?? '');
}

export function tabRoutes(app: AppJson = readAppJson()): string[] {
  return (app.tabBar?.list ?? []).map((item) => trimSlashes(item.pagePath));
}
