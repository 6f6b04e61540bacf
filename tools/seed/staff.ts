// Staff bindings of the demo agency (users collection, _id = OPENID): every demo identity with a role, so the preview's
// identity switch reaches the staff pages. The admin is also listed in ADMIN_OPENIDS by `npm start`.
import { DEMO_IDENTITIES } from './identities';
import type { SeedContext } from './index';

export async function seedStaff({ db }: SeedContext): Promise<void> {
  for (const person of DEMO_IDENTITIES) {
    if (person.roles.length === 0) continue;
    const data = person.departmentId ? { roles: [...person.roles], departmentId: person.departmentId } : { roles: [...person.roles] };
    await db.collection('users').doc(person.openid).set({ data });
  }
}
