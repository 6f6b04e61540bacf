// Payload schemas of the message centre's actions.
import * as z from 'zod';
import { bool, id, pageFields } from '../../lib/schema';

const READ_MAX = 50;

export const messageListSchema = z.strictObject({ ...pageFields });

export const messageReadSchema = z
  .strictObject({
    ids: z.array(id('消息'), { error: '请选择消息' }).min(1, '请至少选择一条消息').max(READ_MAX, `一次最多标记 ${READ_MAX} 条消息`).optional(),
    all: bool('全部已读').optional(),
  })
  .refine((v) => (v.ids === undefined) !== (v.all !== true), { message: '请选择要标记的消息，或选择全部已读', path: ['ids'] });
