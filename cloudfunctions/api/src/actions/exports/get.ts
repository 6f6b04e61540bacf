// export.get: one of the caller's exports.
import { defineAction } from '../../lib/action';
import { loadCatalogMaps } from '../../repositories/catalog';
import { exportIdSchema } from './schemas';
import { exportView } from './view';
import { ownExport } from './access';

export const exportGet = defineAction<'export.get'>({
  schema: exportIdSchema,
  async run(input, { caller }) {
    const [job, catalog] = await Promise.all([ownExport(caller, input.id), loadCatalogMaps()]);
    return exportView(job, catalog);
  },
});
