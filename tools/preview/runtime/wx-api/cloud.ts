// wx.cloud against the local cloud's HTTP gateway, as the chosen WeChat user (the gateway takes the OPENID from the
// x-wx-openid header, where WeChat takes it from the session). Results are shaped like WeChat's.
import type { AnyObject } from '../env';
import { tracked } from '../activity';
import { reportUnsupported } from '../loud';
import { asyncApi, WxFail } from './promisify';
import { addTempFile, extensionOf, tempFile } from './temp-files';

export interface CloudContext {
  gatewayUrl: string;
  openid: string;
}

/** cloud://<env>.<bucket>/<cloudPath> -> cloudPath */
export function cloudPathOf(fileID: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  return m ? m[1]! : null;
}

/** The gateway's `open` route answers a fresh signed temp URL for a fileID, as WeChat resolves cloud:// in <image>. */
export function tempUrlOf(gatewayUrl: string, fileID: string): string | null {
  const cloudPath = cloudPathOf(fileID);
  return cloudPath ? `${gatewayUrl}/_storage/open/${cloudPath.split('/').map(encodeURIComponent).join('/')}` : null;
}

async function readLocalFile(api: string, filePath: string): Promise<Blob> {
  const temp = tempFile(filePath);
  if (temp) return temp;
  if (/^(https?|blob):/.test(filePath)) return (await fetch(filePath)).blob();
  throw new WxFail(`${api}:fail file not found: ${filePath}`);
}

export function cloudApi(ctx: CloudContext): AnyObject {
  let initialized = false;
  const requireInit = (api: string) => {
    if (!initialized) throw new WxFail(`${api}:fail 请先调用 wx.cloud.init() 完成初始化后再调用其他云 API`);
  };
  const post = async (api: string, url: string, body: BodyInit, contentType: string): Promise<AnyObject> => {
    let res: Response;
    let json: AnyObject;
    try {
      [res, json] = await tracked(async () => {
        const r = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType, 'x-wx-openid': ctx.openid } });
        return [r, (await r.json().catch(() => ({}))) as AnyObject] as const;
      });
    } catch (error) {
      throw new WxFail(`${api}:fail network error: ${(error as Error).message}`, { errCode: -1 });
    }
    if (!res.ok) {
      throw new WxFail(typeof json.errMsg === 'string' ? json.errMsg : `${api}:fail ${json.error?.message ?? res.status}`, { errCode: json.errCode ?? -1 });
    }
    return json;
  };

  return {
    init(_options?: AnyObject) {
      initialized = true;
    },
    callFunction: asyncApi('cloud.callFunction', async ({ name, data }) => {
      requireInit('cloud.callFunction');
      if (typeof name !== 'string' || !name) throw new WxFail('cloud.callFunction:fail parameter.name should be a String');
      const json = await post('cloud.callFunction', `${ctx.gatewayUrl}/functions/${encodeURIComponent(name)}`, JSON.stringify(data ?? {}), 'application/json');
      return { result: json.result, requestID: json.requestID };
    }),
    uploadFile: asyncApi('cloud.uploadFile', async ({ cloudPath, filePath }) => {
      requireInit('cloud.uploadFile');
      if (typeof cloudPath !== 'string' || !cloudPath) throw new WxFail('cloud.uploadFile:fail parameter.cloudPath should be a String');
      const blob = await readLocalFile('cloud.uploadFile', String(filePath));
      const json = await post('cloud.uploadFile', `${ctx.gatewayUrl}/_storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, blob, blob.type || 'application/octet-stream');
      return { fileID: json.fileID, statusCode: json.statusCode ?? 200 };
    }),
    getTempFileURL: asyncApi('cloud.getTempFileURL', ({ fileList }) => {
      requireInit('cloud.getTempFileURL');
      if (!Array.isArray(fileList)) throw new WxFail('cloud.getTempFileURL:fail parameter.fileList should be an Array');
      return {
        fileList: fileList.map((item: string | { fileID: string; maxAge?: number }) => {
          const fileID = typeof item === 'string' ? item : item.fileID;
          const tempFileURL = tempUrlOf(ctx.gatewayUrl, fileID);
          return tempFileURL
            ? { fileID, tempFileURL, maxAge: typeof item === 'string' ? 86400 : (item.maxAge ?? 86400), status: 0, errMsg: 'ok' }
            : { fileID, tempFileURL: '', status: -1, errMsg: 'invalid fileID' };
        }),
      };
    }),
    downloadFile: asyncApi('cloud.downloadFile', async ({ fileID }) => {
      requireInit('cloud.downloadFile');
      const url = tempUrlOf(ctx.gatewayUrl, String(fileID));
      if (!url) throw new WxFail(`cloud.downloadFile:fail invalid fileID ${fileID}`);
      const res = await fetch(url);
      if (!res.ok) throw new WxFail(`cloud.downloadFile:fail ${res.status}`, { statusCode: res.status });
      const blob = await res.blob();
      return { tempFilePath: addTempFile(blob, extensionOf(String(fileID), blob.type)), statusCode: res.status };
    }),
    deleteFile: () => {
      throw reportUnsupported('wx.cloud.deleteFile (the gateway has no delete endpoint; delete from a cloud function)');
    },
    database: () => {
      throw reportUnsupported('wx.cloud.database() from the mini program (this project reads data through the api function only)');
    },
    callContainer: () => {
      throw reportUnsupported('wx.cloud.callContainer');
    },
    CloudID: () => {
      throw reportUnsupported('wx.cloud.CloudID');
    },
  };
}
