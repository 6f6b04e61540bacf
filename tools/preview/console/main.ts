// The emulator console beside the phone (like the Firebase Emulator UI): who you are in WeChat, which page to open,
// the local cloud's clock, its timer triggers, the subscribe messages it has sent, and a reset of the demo data.
// It talks to the preview server (/__preview/state) and straight to the local cloud's gateway (/_emulator/...).
import type { PageEntry, PreviewIdentity } from '../shared/manifest';

interface State {
  buildKey: string;
  gatewayUrl: string;
  identities: PreviewIdentity[];
  pages: PageEntry[];
  entryPage: string;
  triggers: string[];
}

interface OutboxCall {
  api: string;
  args: Record<string, unknown>;
  error?: { errCode: number; errMsg: string };
  at: string;
  openid?: string;
}

const STYLE = `
body { margin: 0; font: 14px/1.5 -apple-system, 'PingFang SC', 'Noto Sans CJK SC', sans-serif; background: #eef0f3; color: #1f2329; }
.pv { display: flex; gap: 24px; padding: 24px; align-items: flex-start; min-height: 100vh; box-sizing: border-box; }
.pv-stage { display: flex; flex-direction: column; align-items: center; gap: 8px; }
.pv-phone { width: 375px; height: 812px; padding: 12px; border-radius: 48px; background: #1b1c1f; box-shadow: 0 12px 40px rgba(0,0,0,.25); }
.pv-phone iframe { width: 375px; height: 812px; border: 0; border-radius: 36px; background: #fff; display: block; }
.pv-route { font: 12px monospace; color: #646a73; }
.pv-console { flex: 1; max-width: 560px; display: flex; flex-direction: column; gap: 12px; }
.pv-console h1 { font-size: 18px; margin: 0; }
.pv-console h1 small { font-weight: normal; color: #8f959e; font-size: 12px; margin-left: 8px; }
section { background: #fff; border-radius: 10px; padding: 12px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
section h2 { font-size: 14px; margin: 0 0 8px; display: flex; justify-content: space-between; align-items: center; }
section h2 small { font-weight: normal; color: #8f959e; font-size: 12px; }
.ids { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; }
.ids label { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border: 1px solid #e5e6eb; border-radius: 6px; cursor: pointer; }
.ids label.on { border-color: #c8161d; background: #fff5f5; }
.ids .roles { color: #8f959e; font-size: 12px; }
.row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-top: 8px; }
button { font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid #d0d3d6; background: #fff; cursor: pointer; }
button.primary { background: #c8161d; color: #fff; border-color: #c8161d; }
select, input { font: inherit; padding: 3px 6px; border: 1px solid #d0d3d6; border-radius: 6px; }
.clock { font: 600 20px monospace; }
.muted { color: #8f959e; font-size: 12px; }
.outbox { max-height: 320px; overflow-y: auto; display: flex; flex-direction: column; gap: 6px; }
.msg { border: 1px solid #e5e6eb; border-radius: 6px; padding: 6px 8px; font-size: 12px; }
.msg b { font-size: 13px; }
.msg pre { margin: 4px 0 0; white-space: pre-wrap; word-break: break-all; font-size: 12px; color: #4e5969; }
.msg.err { border-color: #f53f3f; }
.result { font: 12px monospace; white-space: pre-wrap; color: #4e5969; max-height: 120px; overflow: auto; }
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const beijing = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

async function main(): Promise<void> {
  const state = (await (await fetch('/__preview/state')).json()) as State;
  const gw = state.gatewayUrl;
  const saved = new URLSearchParams(location.search);
  let identity = saved.get('as') ?? localStorage.getItem('preview:identity') ?? state.identities[0]!.key;
  if (!state.identities.some((i) => i.key === identity)) identity = state.identities[0]!.key;
  let fontSize = Number(localStorage.getItem('preview:fontSize')) || 16;

  const style = el('style');
  style.textContent = STYLE;
  document.head.append(style);

  const frame = el('iframe', { title: '小程序', 'data-testid': 'pv-app' });
  const routeLine = el('div', { class: 'pv-route' });
  // The page the phone shows: an identity switch reopens it as the other WeChat user.
  let shown: { page?: string; query?: string } = {};
  const load = (target: { page?: string; query?: string } = shown) => {
    const { page, query } = target;
    shown = { ...(page ? { page } : {}), ...(query ? { query } : {}) };
    const params = new URLSearchParams({ as: identity, fontSize: String(fontSize) });
    if (page) params.set('page', page);
    if (query) params.set('query', query);
    frame.src = `/app.html?${params}`;
  };
  window.addEventListener('message', (e) => {
    const data = e.data as { type?: string; route?: string; query?: Record<string, string> };
    if (e.source === frame.contentWindow && data?.type === 'mp-route') {
      const qs = Object.entries(data.query ?? {}).map(([k, v]) => `${k}=${v}`).join('&');
      routeLine.textContent = `${data.route}${qs ? `?${qs}` : ''}`;
      shown = { page: data.route, ...(qs ? { query: qs } : {}) };
    }
  });

  // Identity
  const ids = el('div', { class: 'ids', role: 'radiogroup', 'aria-label': '身份' });
  const renderIds = () => {
    ids.replaceChildren(
      ...state.identities.map((i) => {
        const radio = el('input', { type: 'radio', name: 'identity', value: i.key, 'data-testid': `pv-identity-${i.key}` });
        radio.checked = i.key === identity;
        radio.addEventListener('change', () => {
          identity = i.key;
          localStorage.setItem('preview:identity', identity);
          renderIds();
          load();
        });
        return el('label', { class: i.key === identity ? 'on' : '' }, radio, el('span', {}, i.label, el('br'), el('span', { class: 'roles' }, i.roles.length ? i.roles.join(' · ') : '市民')));
      }),
    );
  };
  renderIds();
  const pageSelect = el('select', { 'aria-label': '页面', 'data-testid': 'pv-page' });
  for (const p of state.pages) pageSelect.append(el('option', { value: p.route }, `${p.route}${p.fixture ? '（预览专用）' : ''}`));
  pageSelect.value = state.entryPage;
  const queryInput = el('input', { placeholder: 'query，如 id=1', 'aria-label': 'query', size: '14' });
  const openButton = el('button', {}, '打开');
  openButton.addEventListener('click', () => load({ page: pageSelect.value, query: queryInput.value }));
  const fontSelect = el('select', { 'aria-label': '字号' });
  for (const [v, label] of [['16', '标准 16'], ['20', '大 20'], ['24', '特大 24']] as const) fontSelect.append(el('option', { value: v }, label));
  fontSelect.value = String(fontSize);
  fontSelect.addEventListener('change', () => {
    fontSize = Number(fontSelect.value);
    localStorage.setItem('preview:fontSize', String(fontSize));
    load();
  });
  const clearLocal = el('button', {}, '清除本机数据');
  clearLocal.addEventListener('click', () => {
    const who = state.identities.find((i) => i.key === identity)!;
    for (const key of Object.keys(localStorage)) if (key.startsWith(`mp:${who.openid}:`) || key.startsWith(`preview:${who.openid}:`)) localStorage.removeItem(key);
    load();
  });

  // Clock
  const clock = el('div', { class: 'clock', 'data-testid': 'pv-clock' });
  const clockNote = el('div', { class: 'muted' });
  const when = el('input', { type: 'datetime-local', step: '60', 'aria-label': '设定时间' });
  const frozen = el('input', { type: 'checkbox', 'aria-label': '冻结' });
  const setClock = el('button', {}, '设定');
  const realTime = el('button', {}, '回到真实时间');
  const postClock = async (now: string | null) => {
    const res = await fetch(`${gw}/_emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now, frozen: frozen.checked }) });
    clockNote.textContent = res.ok ? (now ? `已设定${frozen.checked ? '并冻结' : ''}` : '已回到真实时间') : `失败：${await res.text()}`;
    await tickClock();
  };
  setClock.addEventListener('click', () => {
    if (when.value) void postClock(`${when.value}:00+08:00`);
  });
  realTime.addEventListener('click', () => void postClock(null));
  const tickClock = async () => {
    try {
      const { now } = (await (await fetch(`${gw}/_emulator/clock`)).json()) as { now: string };
      clock.textContent = `${beijing.format(new Date(now))}（北京时间）`;
      const drift = Date.parse(now) - Date.now();
      if (!clockNote.textContent) clockNote.textContent = Math.abs(drift) < 2000 ? '真实时间' : `与真实时间相差 ${Math.round(drift / 60000)} 分钟`;
    } catch {
      clock.textContent = '本地云未响应';
    }
  };

  // Timers
  const timerResult = el('div', { class: 'result' });
  const timers = el(
    'div',
    { class: 'row' },
    ...(state.triggers.length
      ? state.triggers.map((name) => {
          const b = el('button', { 'data-testid': `pv-timer-${name}` }, `运行 ${name}`);
          b.addEventListener('click', async () => {
            const res = await fetch(`${gw}/_emulator/timers/${encodeURIComponent(name)}`, { method: 'POST' });
            timerResult.textContent = `${name}: ${JSON.stringify(await res.json(), null, 1)}`;
            void refreshOutbox();
          });
          return b;
        })
      : [el('span', { class: 'muted' }, '没有定时触发器')]),
  );

  // Outbox
  const outbox = el('div', { class: 'outbox', 'data-testid': 'pv-outbox' });
  const showAll = el('input', { type: 'checkbox', 'aria-label': '显示全部开放接口调用' });
  showAll.addEventListener('change', () => void refreshOutbox());
  const clearOutbox = el('button', {}, '清空');
  clearOutbox.addEventListener('click', async () => {
    await fetch(`${gw}/_emulator/outbox`, { method: 'DELETE' });
    void refreshOutbox();
  });
  const nameOf = (openid?: string) => state.identities.find((i) => i.openid === openid)?.label ?? openid ?? '';
  const refreshOutbox = async () => {
    try {
      const { calls } = (await (await fetch(`${gw}/_emulator/outbox`)).json()) as { calls: OutboxCall[] };
      const shown = calls.filter((c) => showAll.checked || c.api === 'subscribeMessage.send').reverse();
      outbox.replaceChildren(
        ...(shown.length
          ? shown.map((c) => {
              const args = c.args ?? {};
              const title = c.api === 'subscribeMessage.send' ? `发给 ${nameOf(String(args.touser ?? ''))} · 模板 ${String(args.templateId ?? '')}` : c.api;
              const body = c.api === 'subscribeMessage.send' ? { page: args.page, data: args.data } : args;
              return el(
                'div',
                { class: `msg${c.error ? ' err' : ''}` },
                el('b', {}, title),
                ' ',
                el('span', { class: 'muted' }, beijing.format(new Date(c.at))),
                el('pre', {}, `${JSON.stringify(body, null, 1)}${c.error ? `\n失败：${c.error.errMsg}` : ''}`),
              );
            })
          : [el('span', { class: 'muted' }, '还没有发出的订阅消息')]),
      );
    } catch {
      outbox.replaceChildren(el('span', { class: 'muted' }, '本地云未响应'));
    }
  };

  // Data
  const reset = el('button', { 'data-testid': 'pv-reset' }, '重置演示数据');
  const resetNote = el('span', { class: 'muted' });
  reset.addEventListener('click', async () => {
    if (!confirm('清空本地云的全部数据并重新写入演示数据？')) return;
    const res = await fetch(`${gw}/_emulator/reset`, { method: 'POST' });
    resetNote.textContent = res.ok ? '已重置' : `失败：${await res.text()}`;
    load({ page: state.entryPage });
    void refreshOutbox();
  });

  document.body.append(
    el(
      'div',
      { class: 'pv' },
      el('div', { class: 'pv-stage' }, el('div', { class: 'pv-phone' }, frame), routeLine),
      el(
        'aside',
        { class: 'pv-console' },
        el('h1', {}, '民声 · 本地预览', el('small', {}, `本地云 ${gw}`)),
        el('section', {}, el('h2', {}, '微信身份', el('small', {}, 'who you are; switching reloads the mini program')), ids, el('div', { class: 'row' }, pageSelect, queryInput, openButton), el('div', { class: 'row' }, '字号', fontSelect, clearLocal)),
        el('section', {}, el('h2', {}, '云端时钟', el('small', {}, 'the time cloud functions see')), clock, el('div', { class: 'row' }, when, el('label', {}, frozen, ' 冻结'), setClock, realTime), clockNote),
        el('section', {}, el('h2', {}, '定时触发器', el('small', {}, 'timer triggers of config.json')), timers, timerResult),
        el('section', {}, el('h2', {}, '订阅消息', el('small', {}, 'outbox, newest first')), el('div', { class: 'row' }, el('label', {}, showAll, ' 显示全部开放接口调用'), clearOutbox), outbox),
        el('section', {}, el('h2', {}, '数据', el('small', {}, 'local cloud data')), el('div', { class: 'row' }, reset, resetNote)),
      ),
    ),
  );
  load({ page: saved.get('page') ?? state.entryPage, query: saved.get('query') ?? '' });
  await Promise.all([tickClock(), refreshOutbox()]);
  window.setInterval(() => void tickClock(), 1000);
  window.setInterval(() => void refreshOutbox(), 3000);
}

main().catch((error: unknown) => {
  document.body.textContent = `控制台启动失败：${String(error)}`;
  console.error(error);
});
