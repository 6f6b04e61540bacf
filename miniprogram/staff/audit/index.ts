// 操作记录 (admins): the audit trail of every change outside a case's own timeline, newest first, narrowed by subject
// (the server's list, from meta.get), by period and by the actor's OPENID, a page at a time as the admin scrolls.
import type { AuditEntry, AuditSubject, LabelOption } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { getMeta } from '../../services/session';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage, pageState } from '../../utils/page';
import { auditRequest, auditRow, DEFAULT_PERIOD_DAYS, periodOf, PERIODS, subjectOf, type AuditRow } from './view-model';

const own = pageState(() => ({ subjects: [] as ReadonlyArray<LabelOption<AuditSubject>> }));

definePage({
  behaviors: [pagedList],
  data: {
    items: [] as AuditRow[],
    subjects: [] as Array<LabelOption<AuditSubject>>,
    periods: PERIODS,
    subject: '' as AuditSubject | '',
    days: DEFAULT_PERIOD_DAYS,
    actorInput: '',
    actorOpenid: '',
  },
  onLoad() {
    setUpPagedList<AuditEntry, AuditRow>(this, {
      fetch: (paging) => call('admin.audit.list', auditRequest({ subject: this.data.subject, days: this.data.days, actorOpenid: this.data.actorOpenid }, paging)),
      view: auditRow,
      // The chips come with the first page; without the server's subjects the page has nothing true to offer.
      withFirstPage: async () => {
        if (own(this).subjects.length > 0) return {};
        const meta = await getMeta();
        own(this).subjects = meta.vocabulary.auditSubjects;
        return { subjects: meta.vocabulary.auditSubjects };
      },
    });
    void this.reload();
  },
  methods: {
    onSubject(e: WechatMiniprogram.BaseEvent) {
      const subject = subjectOf(dataOf(e, 'key'), own(this).subjects);
      if (subject === this.data.subject) return;
      this.setData({ subject });
      void this.reload(true);
    },

    onPeriod(e: WechatMiniprogram.BaseEvent) {
      const days = periodOf(dataOf(e, 'days'));
      if (days === this.data.days) return;
      this.setData({ days });
      void this.reload(true);
    },

    onActorInput(e: DetailEvent<unknown>) {
      this.setData({ actorInput: valueOf(e.detail) });
    },

    onActorApply() {
      const actorOpenid = this.data.actorInput.trim();
      if (actorOpenid === this.data.actorOpenid) return;
      this.setData({ actorOpenid });
      void this.reload(true);
    },

    onActorClear() {
      if (!this.data.actorOpenid && !this.data.actorInput) return;
      this.setData({ actorInput: '', actorOpenid: '' });
      void this.reload(true);
    },
  },
});
