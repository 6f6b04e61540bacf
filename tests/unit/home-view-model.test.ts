import { homeView } from '../../miniprogram/pages/index/view-model';

test('each type carries its promise; each department lists its categories (or says it has none) and how to reach it', () => {
  const view = homeView({
    types: [{ key: 'help', label: '求助', answerDays: 5 }],
    categories: [
      { id: 'c1', name: '物业管理', departmentId: 'd1', types: ['help'] },
      { id: 'c2', name: '房屋维修', departmentId: 'd1', types: ['help'] },
    ],
    departments: [
      { id: 'd1', name: '住建局', phone: '0571-87001001', address: '市民中心 A 座', hours: '工作日 9:00-17:00', location: { latitude: 30.2, longitude: 120.2 } },
      { id: 'd2', name: '新设局' },
    ],
  });
  expect(view.types).toEqual([{ key: 'help', label: '求助', promise: '5 个工作日内答复' }]);
  expect(view.departments).toEqual([
    {
      id: 'd1',
      name: '住建局',
      categories: '物业管理、房屋维修',
      phone: '0571-87001001',
      address: '市民中心 A 座',
      hours: '工作日 9:00-17:00',
      location: { latitude: 30.2, longitude: 120.2 },
    },
    // A department without contact details shows none (no empty "电话：" line, no button that does nothing).
    { id: 'd2', name: '新设局', categories: '暂无受理类别', phone: '', address: '', hours: '', location: null },
  ]);
});
