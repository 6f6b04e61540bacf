// The few WeChat server APIs a deployment needs that miniprogram-ci does not cover: creating collections and their
// indexes (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/updateIndex.html).
// Needs the AppSecret and this machine's IP on the account's API allow-list.
import type { CollectionStep } from './plan';

const API = 'https://api.weixin.qq.com';

interface WxAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
}

async function post(url: string, body: unknown): Promise<WxAnswer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as WxAnswer;
}

export async function accessToken(appid: string, secret: string): Promise<string> {
  const res = await fetch(`${API}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appid)}&secret=${encodeURIComponent(secret)}`);
  const answer = (await res.json()) as WxAnswer;
  if (!answer.access_token) throw new Error(`获取 access_token 失败：${answer.errcode} ${answer.errmsg}`);
  return answer.access_token;
}

/** Creates the collection if missing and each declared index if missing; safe to run on every deploy. */
export async function provisionCollection(token: string, env: string, step: CollectionStep, log: (s: string) => void): Promise<void> {
  const add = await post(`${API}/tcb/databasecollectionadd?access_token=${token}`, { env, collection_name: step.collection });
  // An existing collection answers an error mentioning it exists; that is the steady state.
  if (add.errcode && !/exist/i.test(add.errmsg ?? '')) throw new Error(`创建集合 ${step.collection} 失败：${add.errcode} ${add.errmsg}`);
  log(`  集合 ${step.collection}：${add.errcode ? '已存在' : '已创建'}`);
  for (const index of step.createIndexes) {
    const res = await post(`${API}/tcb/updateindex?access_token=${token}`, {
      env,
      collection_name: step.collection,
      create_indexes: [index],
      drop_indexes: [],
    });
    if (res.errcode && !/exist/i.test(res.errmsg ?? '')) throw new Error(`创建索引 ${step.collection}.${index.name} 失败：${res.errcode} ${res.errmsg}`);
    log(`    索引 ${index.name}：${res.errcode ? '已存在' : '已创建'}`);
  }
}
