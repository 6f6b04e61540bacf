import { staffHomeOnLaunch, staffHomeUrl } from '../../../miniprogram/utils/staff-home';

type StaffHome = { staffHomeOnLaunch: typeof staffHomeOnLaunch };

test('each role starts on its own workbench; a citizen has none', () => {
  expect(staffHomeUrl(['handler'])).toBe('/staff/queue/index');
  expect(staffHomeUrl(['admin', 'supervisor'])).toBe('/staff/queue/index');
  expect(staffHomeUrl(['editor', 'admin'])).toBe('/staff/policies/index');
  expect(staffHomeUrl(['admin'])).toBe('/staff/admin/index');
  expect(staffHomeUrl([])).toBeNull();
});

test('only once per launch, and only when launched on the home page', () => {
  expect(staffHomeOnLaunch(['dispatcher'], 'pages/policy/index', 'pages/index/index')).toBeNull();
  // Already handled for this launch: coming back to home later does not send staff away again.
  expect(staffHomeOnLaunch(['dispatcher'], 'pages/index/index', 'pages/index/index')).toBeNull();
});

test('a launch on the home page sends staff to their workbench (a fresh launch: the module loads anew)', () => {
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module, as after a new launch
    const fresh = require('../../../miniprogram/utils/staff-home') as StaffHome;
    expect(fresh.staffHomeOnLaunch(['dispatcher'], '/pages/index/index', 'pages/index/index')).toBe('/staff/queue/index');
    expect(fresh.staffHomeOnLaunch(['dispatcher'], 'pages/index/index', 'pages/index/index')).toBeNull();
  });
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
    const fresh = require('../../../miniprogram/utils/staff-home') as StaffHome;
    expect(fresh.staffHomeOnLaunch([], 'pages/index/index', 'pages/index/index')).toBeNull();
  });
});
