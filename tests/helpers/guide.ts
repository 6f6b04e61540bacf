// A valid service-guide item for tests: the shape an editor's form sends.
import type { RequestOf } from '../../typings/api';

export function guideInput(over: Partial<RequestOf<'guide.save'>> = {}): RequestOf<'guide.save'> {
  return {
    name: '居民身份证换领',
    itemType: '行政确认',
    categoryId: 'identity',
    authority: '市公安局',
    basis: ['《中华人民共和国居民身份证法》第五条'],
    applicants: '居民身份证有效期满的本市户籍居民',
    conditions: ['居民身份证有效期即将届满或已届满'],
    materials: [
      { name: '居民户口簿', form: '原件', copies: 1, required: true, source: '公安机关' },
      { name: '近期免冠彩色照片', form: '原件', copies: 2, required: true },
    ],
    fee: '工本费 20 元',
    legalDays: 60,
    promisedDays: 20,
    visits: 1,
    offices: [{ name: '城东派出所户籍窗口', address: '庆春东路 88 号', hours: '周一至周五 9:00-17:00', phone: '0571-87003011', latitude: 30.2601, longitude: 120.2003 }],
    onlineSteps: ['打开“浙里办”，搜索“身份证换领”', '按提示上传照片并提交'],
    faq: [{ q: '可以异地换领吗？', a: '可以，全国已实现异地受理。' }],
    keywords: ['换证'],
    ...over,
  };
}
