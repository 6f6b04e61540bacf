// 办事指南 item: can I apply (who, conditions), what do I bring (the materials, ticked off and remembered on this phone),
// where and when (offices with map and phone), how long and how much, online steps, the legal basis, FAQs, related
// policies; and 就此事项咨询, which opens the inquiry form prefilled and linked to the item.
import type { GuideItem } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { isDeadEnd } from '../../utils/dead-end';
import { dataOf } from '../../utils/events';
import { checklistKey, checklistProgress, guideInquiryUrl, materialRows, ticksOf, toggleTick, type MaterialRow } from '../../utils/guide-view';
import { definePage, pageState } from '../../utils/page';
import { sharePath } from '../../utils/policy-view';

interface Hidden {
  id: string;
  item: GuideItem | null;
  ticks: string[];
}
const own = pageState<Hidden>(() => ({ id: '', item: null, ticks: [] }));

function readTicks(id: string): string[] {
  try {
    return ticksOf(wx.getStorageSync(checklistKey(id)));
  } catch {
    return [];
  }
}

definePage({
  data: {
    loading: true,
    error: '',
    missing: false,
    item: null as GuideItem | null,
    materials: [] as MaterialRow[],
    progress: { text: '', complete: false },
  },
  onLoad(query) {
    own(this).id = query.id ?? '';
    void this.load();
  },
  onShareAppMessage() {
    return { title: this.data.item?.name ?? '办事指南', path: `/pages/guide-item/index?id=${encodeURIComponent(own(this).id)}` };
  },
  methods: {
    async load() {
      const h = own(this);
      if (!h.id) {
        this.setData({ loading: false, error: '没有找到这个事项，请返回列表重新选择。', missing: true });
        return;
      }
      this.setData({ loading: true, error: '', missing: false });
      try {
        const item = await call('guide.get', { id: h.id });
        h.item = item;
        h.ticks = readTicks(h.id);
        wx.setNavigationBarTitle({ title: item.name });
        this.setData({ loading: false, item, ...this.checklist() });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error), missing: isDeadEnd(error) });
      }
    },

    checklist() {
      const h = own(this);
      const materials = materialRows(h.item?.materials ?? [], h.ticks);
      return { materials, progress: checklistProgress(materials) };
    },

    onRetry() {
      void this.load();
    },

    onTick(e: WechatMiniprogram.BaseEvent) {
      const h = own(this);
      const row = this.data.materials[Number(dataOf(e, 'index'))];
      if (!row) return;
      h.ticks = toggleTick(h.ticks, row.name);
      try {
        wx.setStorageSync(checklistKey(h.id), h.ticks);
      } catch {
        // The ticks still show for this visit; only remembering them failed.
      }
      this.setData(this.checklist());
    },

    onMap(e: WechatMiniprogram.BaseEvent) {
      const o = this.data.item?.offices[Number(dataOf(e, 'index'))];
      if (o) void wx.openLocation({ latitude: o.latitude, longitude: o.longitude, name: o.name, address: o.address, scale: 17 }).catch(() => undefined);
    },

    onCall(e: WechatMiniprogram.BaseEvent) {
      const o = this.data.item?.offices[Number(dataOf(e, 'index'))];
      if (o) void wx.makePhoneCall({ phoneNumber: o.phone }).catch(() => undefined);
    },

    onPolicy(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      if (id) void wx.navigateTo({ url: sharePath(id) });
    },

    async onAsk() {
      const item = own(this).item;
      if (!item) return;
      const titleMax = (await getMeta().catch(() => null))?.limits.titleMax;
      void wx.navigateTo({ url: guideInquiryUrl(item, titleMax) });
    },
  },
});
