// wx storage, per WeChat user: each identity of the preview has its own, as each WeChat account has on a phone.
// Values keep their JSON types (WeChat stores objects, numbers and booleans natively).
import type { AnyObject } from '../env';
import { asyncApi, WxFail } from './promisify';

const LIMIT_KB = 10 * 1024;

export function storageApi(openid: string): AnyObject {
  const prefix = `mp:${openid}:`;
  const keys = () =>
    Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!)
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length));
  const read = (key: string): { found: boolean; data: unknown } => {
    const raw = localStorage.getItem(prefix + key);
    return raw === null ? { found: false, data: '' } : { found: true, data: (JSON.parse(raw) as { data: unknown }).data };
  };
  const write = (key: string, data: unknown) => {
    if (typeof key !== 'string' || !key) throw new WxFail('setStorage:fail parameter error: key should be a non-empty String');
    localStorage.setItem(prefix + key, JSON.stringify({ data }));
  };
  const info = () => {
    const all = keys();
    const size = all.reduce((sum, k) => sum + (localStorage.getItem(prefix + k)?.length ?? 0), 0);
    return { keys: all, currentSize: Math.ceil(size / 1024), limitSize: LIMIT_KB };
  };
  const clear = () => keys().forEach((k) => localStorage.removeItem(prefix + k));
  return {
    setStorageSync: (key: string, data: unknown) => write(key, data),
    getStorageSync: (key: string) => read(key).data,
    removeStorageSync: (key: string) => localStorage.removeItem(prefix + key),
    clearStorageSync: clear,
    getStorageInfoSync: info,
    setStorage: asyncApi('setStorage', ({ key, data }) => write(key, data)),
    getStorage: asyncApi('getStorage', ({ key }) => {
      const found = read(key);
      if (!found.found) throw new WxFail('getStorage:fail data not found');
      return { data: found.data };
    }),
    removeStorage: asyncApi('removeStorage', ({ key }) => localStorage.removeItem(prefix + key)),
    clearStorage: asyncApi('clearStorage', () => clear()),
    getStorageInfo: asyncApi('getStorageInfo', () => info()),
  };
}
