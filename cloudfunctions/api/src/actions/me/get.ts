import { defineAction } from '../../lib/action';
import { empty } from '../../lib/schema';

export const meGet = defineAction<'me.get'>({
  schema: empty(),
  async run(_input, { caller }) {
    // ACCESS guarantees an identity for me.get.
    const base = { openid: caller.openid ?? '', roles: caller.roles, isStaff: caller.isStaff };
    return caller.departmentId ? { ...base, departmentId: caller.departmentId } : base;
  },
});
