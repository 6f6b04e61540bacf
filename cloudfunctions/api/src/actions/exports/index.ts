// Open data and export actions, by contract name: one file per action, named after it
// (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { exportCreate } from './create';
import { exportDownload } from './download';
import { exportGet } from './get';
import { exportList } from './list';

export const EXPORT_ACTIONS: Pick<ActionTable, `export.${string}` & keyof ActionTable> = {
  'export.create': exportCreate,
  'export.list': exportList,
  'export.get': exportGet,
  'export.download': exportDownload,
};
