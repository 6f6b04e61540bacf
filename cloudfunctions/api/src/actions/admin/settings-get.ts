// admin.settings.get: the stored settings as the admin edits them, read fresh (not the warm-instance copy).
import { defineAction } from '../../lib/action';
import { empty } from '../../lib/schema';
import { readSettings } from '../../repositories/settings';
import { settingsView } from './view';

export const adminSettingsGet = defineAction<'admin.settings.get'>({
  schema: empty(),
  async run() {
    return settingsView(await readSettings());
  },
});
