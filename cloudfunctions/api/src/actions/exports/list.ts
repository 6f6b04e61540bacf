// export.list: the caller's own exports, newest first.
import { defineAction } from '../../lib/action';
import { loadCatalogMaps } from '../../repositories/catalog';
import { listExports } from '../../repositories/exports';
import { exportListSchema } from './schemas';
import { exportView } from './view';

export const exportList = defineAction<'export.list'>({
  schema: exportListSchema,
  async run(input, { caller }) {
    const limit = input.limit ?? 20;
    const [rows, catalog] = await Promise.all([listExports(caller.openid!, limit + 1, input.cursor), loadCatalogMaps()]);
    const page = rows.slice(0, limit);
    return { items: page.map((j) => exportView(j, catalog)), nextCursor: rows.length > limit ? page[page.length - 1]!.key : null };
  },
});
