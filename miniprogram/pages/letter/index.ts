// One public letter: the question and the answer as published, personal details removed by the server.
import { call, messageOf } from '../../services/api';
import { definePage } from '../../utils/page';
import { decodeParam } from '../../utils/query';
import { letterDetail, type LetterDetailView } from '../letters/view-model';

definePage({
  data: {
    loading: true,
    error: '',
    letter: null as LetterDetailView | null,
  },
  onLoad(query) {
    void this.load(decodeParam(query.id));
  },
  methods: {
    async load(id: string) {
      if (!id) {
        this.setData({ loading: false, error: '没有找到这封信件' });
        return;
      }
      try {
        this.setData({ loading: false, error: '', letter: letterDetail(await call('case.getPublic', { id })) });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },
  },
});
