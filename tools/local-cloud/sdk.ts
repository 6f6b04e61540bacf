// What `require('wx-server-sdk')` resolves to locally (jest moduleNameMapper, the gateway's resolve hook): the real,
// unmodified SDK with its database seam pinned to the local cloud, and the platform APIs the SDK would send to
// WeChat (identity, openapi, storage, callFunction) answered locally. Every key is a getter, so
// `import * as cloud from 'wx-server-sdk'` (esModuleInterop) and CommonJS consumers see the same object.
import type * as WxServerSdk from 'wx-server-sdk';
import { localCloudInternals as local } from './index';
import { loadRealSdk, verifySeam } from './seam';

const real = loadRealSdk();
verifySeam();

const overrides: Record<string, () => unknown> = {
  getWXContext: () => () => local.getWXContext(),
  openapi: () => local.openapiProxy,
  uploadFile: () => (options: Parameters<typeof local.storageBackend.uploadFile>[0]) => local.storageBackend.uploadFile(options),
  downloadFile: () => (options: Parameters<typeof local.storageBackend.downloadFile>[0]) => local.storageBackend.downloadFile(options),
  getTempFileURL: () => (options: Parameters<typeof local.storageBackend.getTempFileURL>[0]) => local.storageBackend.getTempFileURL(options),
  deleteFile: () => (options: Parameters<typeof local.storageBackend.deleteFile>[0]) => local.storageBackend.deleteFile(options),
  callFunction: () => (options: { name?: unknown; data?: unknown }) => local.callFunction(options),
};

const facade: Record<string, unknown> = {};
// `logger` only appears on the real export after init(); declare it now so importers' key snapshots include it.
for (const key of new Set([...Object.keys(real), 'logger', ...Object.keys(overrides)])) {
  const override = overrides[key];
  Object.defineProperty(facade, key, {
    enumerable: true,
    get: override ?? (() => real[key]),
  });
}
Object.defineProperty(facade, '__local', { value: local, enumerable: false });

export = facade as unknown as typeof WxServerSdk;
