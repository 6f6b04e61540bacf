// 工作人员绑定: a civil servant enters the one-time invite code an administrator gave them (and, if they like, the
// name colleagues see); the server binds their WeChat identity to the invite's roles and department.
import { ApiCallError, call, messageOf } from '../../services/api';
import { getMeta, invalidateSession } from '../../services/session';
import { watchPrivacy } from '../../services/privacy';
import { valueOf, type DetailEvent } from '../../utils/events';
import { roleNames } from '../../utils/labels';
import { definePage } from '../../utils/page';
import { validateBind } from './view-model';

let busy = false;

definePage({
  data: {
    code: '',
    displayName: '',
    errors: {} as Record<string, string>,
    formError: '',
    submitting: false,
    bound: null as null | { roles: string; isStaff: boolean },
    /** The caller's OPENID, once they asked for it. */
    openid: '',
    privacyShow: false,
  },
  onShow() {
    // Copying to the clipboard is a privacy API; WeChat's listener is global, so this page takes it while it shows.
    watchPrivacy(() => this.setData({ privacyShow: true }));
  },
  methods: {
    async onShowOpenid() {
      try {
        this.setData({ openid: (await call('me.get', {})).openid });
      } catch (error) {
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      }
    },

    onCopyOpenid() {
      if (this.data.openid) void wx.setClipboardData({ data: this.data.openid });
    },

    onPrivacyClose() {
      this.setData({ privacyShow: false });
    },

    onCode(e: DetailEvent<unknown>) {
      this.setData({ code: valueOf(e.detail), 'errors.code': '' });
    },

    onName(e: DetailEvent<unknown>) {
      this.setData({ displayName: valueOf(e.detail), 'errors.displayName': '' });
    },

    async onBind() {
      if (busy) return;
      const limits = (await getMeta().catch(() => null))?.formLimits.admin ?? null;
      const { errors, request } = validateBind(this.data.code, this.data.displayName, limits);
      if (!request) {
        this.setData({ errors, formError: '' });
        return;
      }
      busy = true;
      this.setData({ submitting: true, errors: {}, formError: '' });
      try {
        const res = await call('staff.bind', request);
        // Bound: who this caller is (me.get, and meta.get's staff extras) has changed.
        invalidateSession();
        const meta = await getMeta().catch(() => null);
        this.setData({ submitting: false, bound: { roles: roleNames(res.roles, meta?.vocabulary.roles ?? []), isStaff: res.roles.length > 0 } });
      } catch (error) {
        const fields = error instanceof ApiCallError ? error.fields : {};
        this.setData({ submitting: false, errors: fields, formError: Object.keys(fields).length ? '' : messageOf(error) });
      } finally {
        busy = false;
      }
    },

    onWorkbench() {
      void wx.redirectTo({ url: '/staff/queue/index' });
    },
  },
});
