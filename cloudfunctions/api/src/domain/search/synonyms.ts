// The words citizens use and the words documents use for the same thing, as data: one group per line, the word the
// agency's documents use first (it is what the empty state suggests). A query word found in a group is searched as
// any of the group (docs/adr/0096-one-search-for-citizens.md). Add a group by adding a line; the unit test checks that
// no word is in two groups. Words are written as a citizen types them; matching normalizes (full-width, case).
export const SYNONYM_GROUPS: ReadonlyArray<readonly string[]> = [
  // money and benefits
  ['养老金', '退休金', '退休工资', '养老保险金', '养老钱'],
  ['领取', '申领', '怎么领', '领'],
  ['社会保险', '社保'],
  ['社会保障卡', '社保卡', '医保卡'],
  ['住房公积金', '公积金'],
  ['提取', '取出', '怎么取', '支取'],
  ['医疗保险', '医保'],
  ['失业保险金', '失业金', '失业补助金', '失业保险'],
  ['最低生活保障', '低保'],
  ['长期护理保险', '长护险'],
  ['育儿补贴', '生育补贴', '育儿补助', '托育补贴'],
  ['补贴', '补助', '津贴'],
  ['个人所得税', '个税'],
  ['拖欠工资', '欠薪', '工资拖欠', '讨薪', '不发工资', '欠工资'],
  ['最低工资', '底薪'],
  ['工资', '薪水', '薪资', '工钱'],
  ['农民工', '务工人员', '外来务工'],
  ['用人单位', '老板', '雇主'],
  // home and neighbourhood
  ['电动自行车', '电动车', '电瓶车', '电单车'],
  ['新能源汽车', '电动汽车', '新能源车'],
  ['充电设施', '充电桩', '充电站'],
  ['停车位', '车位', '停车场', '车库'],
  ['物业服务费', '物业费', '物业管理费', '物业服务收费', '物业收费'],
  ['收费', '乱收费', '太贵', '收费标准'],
  ['停车收费', '停车费', '停放服务收费'],
  ['业主委员会', '业委会'],
  ['专项维修资金', '维修资金', '维修基金'],
  ['老旧小区', '老小区', '旧小区'],
  ['加装电梯', '增设电梯', '装电梯'],
  ['噪声', '噪音', '扰民', '吵'],
  ['夜间', '晚上', '半夜', '深夜'],
  ['生活垃圾分类', '垃圾分类'],
  ['违法建设', '违章建筑', '违建', '私搭乱建'],
  ['路灯', '楼道灯', '照明'],
  ['道路病害', '路面塌陷', '道路塌陷', '坑洼', '路坑'],
  ['保障性租赁住房', '公租房', '保障房', '廉租房'],
  ['住房租赁', '租房', '租赁住房', '房屋租赁'],
  // people and services
  ['老年人', '老人', '长者'],
  ['助餐', '老年食堂', '长者饭堂'],
  ['居家养老', '养老服务', '社区养老'],
  ['公共交通', '公交', '公交车', '巴士'],
  ['落户', '户口', '入户', '迁户口'],
  ['居民身份证', '身份证'],
  ['驾驶证', '驾照'],
  ['异地就医', '外地看病', '异地看病', '跨省就医'],
  ['门诊', '看病'],
  ['结算', '报销', '报账'],
  ['网络餐饮', '外卖', '网上订餐'],
  ['退货', '退换货', '无理由退货'],
  ['网络购买', '网购', '网上购物', '网络购物'],
  ['预付卡', '储值卡', '会员卡'],
  ['子女', '孩子', '小孩', '儿童'],
  ['入学', '上学', '就学'],
  ['政务服务', '一网通办', '办事大厅'],
  ['热线', '12345', '市长热线', '便民热线'],
  ['施工', '工地'],
  ['疫情', '新冠', 'covid'],
  ['办理', '怎么办理', '申请', '申办'],
];

/**
 * Words that ask rather than say (怎么, 如何, 哪里...) and politeness around a question: they are left out of the
 * search, because no document holds them and requiring them finds nothing.
 */
export const QUESTION_WORDS: readonly string[] = [
  '请问', '我想问', '想问', '问一下', '一下', '我想', '我要', '我们', '咨询', '了解',
  '怎么办', '怎么样', '怎么', '怎样', '如何', '为什么', '为何',
  '在哪里', '在哪儿', '在哪', '哪里', '哪儿', '去哪', '哪个', '哪些',
  '什么时候', '什么', '多少钱', '多少', '几天', '多久',
  '能不能', '可不可以', '可以', '是否', '是不是', '有没有', '要不要', '需要', '应该', '谁',
];

/**
 * Particles, conjunctions and pronouns that only separate the words around them (的, 了, 和, 我...): a query is cut at
 * them. A word that holds one (和平路) is still found: its other pairs remain, only the pair across the cut is not asked.
 */
export const PARTICLES = '的了吗呢吧啊呀哦嘛么和与及或我你您他她它是能太很都也';
