// The survey results as CSV. A small writer of our own until the open-data export's CSV writer is merged; the one
// function `surveyResultsCsv` is what callers use, so the lead can swap the writer underneath.
import type { SurveyResults } from '../../../../../typings/api';

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; a leading = + - @ is defused. */
function field(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: Array<string | number>): string => cells.map(field).join(',');

/** One row per option, score or approved text answer; a UTF-8 BOM so spreadsheet programs read the Chinese. */
export function surveyResultsCsv(results: SurveyResults): string {
  const rows: string[] = [line(['调查', results.title]), line(['参与人数', results.respondents]), line(['题号', '题目', '题型', '回答人数', '选项/分值/简答', '人数', '占比(%)'])];
  results.questions.forEach((q, i) => {
    const head = [i + 1, q.title, q.kindLabel, q.answered];
    for (const o of q.options ?? []) rows.push(line([...head, o.label, o.count, o.percent]));
    if (q.scale) {
      for (const d of q.scale.distribution) rows.push(line([...head, `${d.score} 分`, d.count, d.percent]));
      rows.push(line([...head, '平均分', q.scale.mean, '']));
    }
    for (const t of q.texts?.items ?? []) rows.push(line([...head, t.content, '', '']));
  });
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
