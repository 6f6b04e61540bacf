// One public letter: the question and the answer as published, personal details removed by the server; on a
// suggestion, the 附议 button with the count and, once published, the agency's response to the co-signers.
import type { MetaGetResponse } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { requestSubscribe } from '../../services/subscribe';
import { getMeta } from '../../services/session';
import { isDeadEnd } from '../../utils/dead-end';
import { definePage, pageState } from '../../utils/page';
import { decodeParam } from '../../utils/query';
import { letterCosign, letterDetail, type LetterDetailView } from '../letters/view-model';

const own = pageState(() => ({ id: '', meta: null as MetaGetResponse | null, busy: false }));

definePage({
  data: {
    loading: true,
    error: '',
    /** The letter is not there or not public: the dead end, not the reload button. */
    missing: false,
    letter: null as LetterDetailView | null,
    cosigning: false,
  },
  onLoad(query) {
    void this.load(decodeParam(query.id));
  },
  methods: {
    async load(id: string) {
      own(this).id = id;
      if (!id) {
        this.setData({ loading: false, error: '没有找到这封信件', missing: true });
        return;
      }
      try {
        // The subscribe template comes from meta.get; a failure there must not hide the letter.
        const [letter, meta] = await Promise.all([call('case.getPublic', { id }), getMeta().catch(() => null)]);
        own(this).meta = meta;
        this.setData({ loading: false, error: '', letter: letterDetail(letter) });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error), missing: isDeadEnd(error) });
      }
    },

    onRetry() {
      this.setData({ loading: true, error: '', missing: false });
      void this.load(own(this).id);
    },

    /** 附议: asks for the response message first (WeChat allows it only straight from the tap), then co-signs. */
    onCosign() {
      const h = own(this);
      const letter = this.data.letter as LetterDetailView | null;
      if (h.busy || !letter || letter.cosign.cosigned) return;
      h.busy = true;
      this.setData({ cosigning: true });
      void requestSubscribe([h.meta?.subscribe?.cosignResponse])
        .then(async (subscribed) => {
          const res = await call('case.cosign', { id: h.id, ...(subscribed.length ? { subscribed } : {}) });
          const fresh = await call('case.getPublic', { id: h.id }).catch(() => null);
          const cosign = fresh ? letterCosign(fresh) : { ...letter.cosign, cosigned: true, count: res.cosignCount, text: `已有 ${res.cosignCount} 人附议` };
          this.setData({ 'letter.cosign': cosign });
          void wx.showToast({ title: '附议成功', icon: 'success' });
        })
        .catch((error: unknown) => {
          void wx.showToast({ title: messageOf(error), icon: 'none' });
        })
        .finally(() => {
          h.busy = false;
          this.setData({ cosigning: false });
        });
    },
  },
});
