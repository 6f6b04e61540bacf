// Open data and export actions, by contract name.
import type { ActionTable } from '../../lib/action';
import { exportCreate } from './create';
import { exportDownload, exportGet, exportList } from './read';

export const EXPORT_ACTIONS: Pick<ActionTable, `export.${string}` & keyof ActionTable> = {
  'export.create': exportCreate,
  'export.list': exportList,
  'export.get': exportGet,
  'export.download': exportDownload,
};
