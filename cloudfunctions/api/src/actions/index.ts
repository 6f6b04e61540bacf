// Every action of the contract, by name. The type makes a contract action without a handler a compile error.
import type { ActionTable } from '../lib/action';
import { meGet } from './me';
import { metaGet } from './meta';

export const ACTIONS: ActionTable = {
  'meta.get': metaGet,
  'me.get': meGet,
};
