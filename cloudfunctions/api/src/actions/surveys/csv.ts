// The survey results as CSV, written by the open-data export's writer (lib/csv.ts): the same quoting, the same
// defusing of formula-like text, the same byte-order mark for spreadsheet programs.
import type { SurveyResults } from '../../../../../typings/api';
import { CSV_BOM, csvRows, type Cell } from '../../lib/csv';

/** One row per option, score or approved text answer. */
export function surveyResultsCsv(results: SurveyResults): string {
  const rows: Cell[][] = [['调查', results.title], ['参与人数', results.respondents], ['题号', '题目', '题型', '回答人数', '选项/分值/简答', '人数', '占比(%)']];
  results.questions.forEach((q, i) => {
    const head = [i + 1, q.title, q.kindLabel, q.answered];
    for (const o of q.options ?? []) rows.push([...head, o.label, o.count, o.percent]);
    if (q.scale) {
      for (const d of q.scale.distribution) rows.push([...head, `${d.score} 分`, d.count, d.percent]);
      rows.push([...head, '平均分', q.scale.mean, '']);
    }
    for (const t of q.texts?.items ?? []) rows.push([...head, t.content, '', '']);
  });
  return CSV_BOM + csvRows(rows);
}
