// admin.staff.list: every staff member, a page at a time, with their department's name.
import { defineAction } from '../../lib/action';
import { readCatalogMaps } from '../../repositories/catalog';
import { pageStaff } from '../../repositories/users';
import { staffListSchema } from './schemas';
import { staffMember } from './view';

export const adminStaffList = defineAction<'admin.staff.list'>({
  schema: staffListSchema,
  async run(input) {
    const [catalog, page] = await Promise.all([readCatalogMaps(), pageStaff(input.limit ?? 20, input.cursor)]);
    return { items: page.docs.map((u) => staffMember(u, catalog)), nextCursor: page.nextCursor };
  },
});
