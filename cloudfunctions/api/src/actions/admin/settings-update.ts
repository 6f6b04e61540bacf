// admin.settings.update: the agency's settings, versioned: deadlines per type, the working-day calendar, limits, the
// review switch, reply templates and subscribe-message templates. Every value is checked; a bad one changes nothing.
import type { Settings } from '../../repositories/settings';
import { TYPE_LABELS } from '../../domain/case-labels';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { auditActor } from '../../repositories/audit';
import { readSettings, saveSettings } from '../../repositories/settings';
import { CASE_TYPE_KEYS } from '../cases/schemas';
import { settingsUpdateSchema } from './schemas';
import { settingsView } from './view';

export const adminSettingsUpdate = defineAction<'admin.settings.update'>({
  schema: settingsUpdateSchema,
  async run(input, { caller, now }) {
    const current = await readSettings();
    const { version: v, submissionsPerDay, caseTypes, ...rest } = input;
    const patch: Partial<Omit<Settings, 'version'>> = { ...rest };
    if (caseTypes) {
      patch.caseTypes = CASE_TYPE_KEYS.map((key) => {
        const t = caseTypes.find((x) => x.key === key)!;
        return { key, label: t.label || TYPE_LABELS[key], answerDays: t.answerDays };
      });
    }
    if (submissionsPerDay !== undefined) patch.limits = { ...current.limits, submissionsPerDay };
    const ratingReminderDays = patch.ratingReminderDays ?? current.ratingReminderDays;
    const autoCloseDays = patch.autoCloseDays ?? current.autoCloseDays;
    if (autoCloseDays <= ratingReminderDays) {
      throw errors.invalid('自动办结天数须大于评价提醒天数', { autoCloseDays: '自动办结天数须大于评价提醒天数' });
    }
    const changed = Object.keys(input).filter((k) => k !== 'version');
    const event = { subject: 'settings' as const, subjectId: 'settings', kind: 'settings_updated' as const, at: now.toISOString(), actor: auditActor(caller, ['admin']), note: `修改：${changed.join('、')}` };
    return settingsView(await saveSettings(v, patch, event));
  },
});
