// The announcement editor's form, pure so it is unit-tested: the page keeps an AnnouncementForm and sends
// toAnnouncementInput(form). The body is written as text; each non-empty line is a paragraph.
import type { Announcement, AnnouncementInput } from '../../../typings/api';

export interface AnnouncementForm {
  title: string;
  departmentId: string;
  date: string;
  expiresAt: string;
  body: string;
  attachments: Array<{ fileID: string; name: string; size?: number }>;
}

export function emptyAnnouncementForm(today: string, departmentId = ''): AnnouncementForm {
  return { title: '', departmentId, date: today, expiresAt: '', body: '', attachments: [] };
}

export function formFromAnnouncement(a: Announcement): AnnouncementForm {
  return {
    title: a.title,
    departmentId: a.departmentId,
    date: a.date,
    expiresAt: a.expiresAt ?? '',
    body: a.paragraphs.join('\n'),
    attachments: (a.attachments ?? []).map((f) => (f.size === undefined ? { fileID: f.fileID, name: f.name } : { fileID: f.fileID, name: f.name, size: f.size })),
  };
}

export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function toAnnouncementInput(form: AnnouncementForm): AnnouncementInput {
  const input: AnnouncementInput = { title: form.title.trim(), departmentId: form.departmentId, date: form.date, paragraphs: paragraphsOf(form.body) };
  if (form.expiresAt) input.expiresAt = form.expiresAt;
  if (form.attachments.length) input.attachments = form.attachments.map((a) => ({ ...a }));
  return input;
}

/** Where an attachment is uploaded: under announcements/, the folder the function accepts. */
export function announcementFileCloudPath(fileName: string, random: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  const ext = m ? m[1].toLowerCase() : 'bin';
  return `announcements/${random.replace(/[^A-Za-z0-9]/g, '') || 'file'}.${ext}`;
}

/** The server's field errors, keyed as the form shows them (attachments.0 -> attachments; paragraphs.3 -> body). */
export function formErrors(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const head = path.split('.')[0]!;
    const key = head === 'paragraphs' ? 'body' : head;
    out[key] ??= message;
  }
  return out;
}
