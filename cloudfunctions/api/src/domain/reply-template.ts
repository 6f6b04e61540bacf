// Reply templates help a handler start an answer; they never answer a case by themselves. A reply that is a template
// with only a few words of the handler's own is refused, and a reply built on a template is counted as such.
import type { ReplyTemplate } from '../../../../typings/api';

/** The handler must add at least this many characters (letters, digits, CJK) of their own to a template. */
export const MIN_OWN_CHARS = 15;

const meaningful = (s: string): string => s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');

export interface TemplateUse {
  fromTemplate: boolean;
  /** The template text with too little added: refused. */
  templateOnly: boolean;
}

/** Whether `content` is built on one of the templates (named by the handler, or found in the text). */
export function templateUse(content: string, templates: readonly ReplyTemplate[], chosen?: ReplyTemplate): TemplateUse {
  let own = meaningful(content);
  let used = false;
  const candidates = chosen ? [chosen, ...templates.filter((t) => t.id !== chosen.id)] : templates;
  for (const t of candidates) {
    const body = meaningful(t.text);
    if (body.length > 0 && own.includes(body)) {
      own = own.replace(body, '');
      used = true;
    }
  }
  const fromTemplate = used || Boolean(chosen);
  return { fromTemplate, templateOnly: fromTemplate && [...own].length < MIN_OWN_CHARS };
}
