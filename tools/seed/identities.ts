// The demo agency's people: fixed OPENIDs so the preview's identity switch, the seed and the tests agree.
import type { Role } from '../../typings/domain';

export interface DemoIdentity {
  key: string;
  openid: string;
  label: string;
  roles: Role[];
  departmentId?: string;
}

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  { key: 'citizenA', openid: 'o_demo_citizen_a', label: '市民 张阿姨', roles: [] },
  { key: 'citizenB', openid: 'o_demo_citizen_b', label: '市民 李先生', roles: [] },
  { key: 'dispatcher', openid: 'o_demo_dispatcher', label: '受理员', roles: ['dispatcher'] },
  { key: 'handler', openid: 'o_demo_handler', label: '承办人（住建局）', roles: ['handler'], departmentId: 'dept-housing' },
  { key: 'supervisor', openid: 'o_demo_supervisor', label: '督办', roles: ['supervisor'] },
  { key: 'editor', openid: 'o_demo_editor', label: '政策编辑', roles: ['editor'] },
  { key: 'admin', openid: 'o_demo_admin', label: '管理员', roles: ['admin'] },
];

export function demoIdentity(key: string): DemoIdentity {
  const found = DEMO_IDENTITIES.find((i) => i.key === key);
  if (!found) throw new Error(`no demo identity ${key}`);
  return found;
}
