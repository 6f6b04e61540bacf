// survey.results with 10k answers (issue 18): the results page's one call must answer under 50 ms p95. A survey with
// a question of each kind with its answers (surveys-data.ts, kept in the bench cache; the bench works on a copy, since
// publishing the results writes). Then the window closes, the editor publishes, and a citizen reads the results.
// `--sizes 1k,10k` sets the number of answers.
import { localCloud } from '../local-cloud';
import { NOW } from './case-generator';
import { call, quantile, round } from './cases.bench';
import { originOf, workingCopy } from './data-cache';
import { benchSizes, type BenchCheck, type BenchResult } from './index';
import { DAY, EDITOR, surveyData } from './surveys-data';

const READER = 'o_bench_reader';
const RUNS = 200;
const WARMUP = 20;
const GOAL_MS = 50;

export default async function surveysBench(): Promise<BenchResult> {
  const rows: Array<Record<string, string | number>> = [];
  const checks: BenchCheck[] = [];
  const notes: string[] = [];
  for (const total of benchSizes([10_000])) {
    const data = await surveyData(total);
    const { surveyId } = data.meta;
    const copy = workingCopy(data);
    localCloud.configure({ filename: copy.filename, storageDir: copy.storageDir, strict: { threshold: 0 } });
    localCloud.clock.set(new Date(Date.parse(NOW) + 11 * DAY).toISOString(), { frozen: true });
    const editorView = (await call(EDITOR, 'survey.get', { id: surveyId })).res as { ok: true; data: { version: number } };
    await call(EDITOR, 'survey.publishResults', { id: surveyId, version: editorView.data.version });
    const first = (await call(READER, 'survey.results', { id: surveyId })).res as { ok: true; data: { respondents: number } };
    for (let i = 0; i < WARMUP; i++) await call(READER, 'survey.results', { id: surveyId });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push((await call(READER, 'survey.results', { id: surveyId })).ms);
    times.sort((a, b) => a - b);
    const p50 = quantile(times, 0.5);
    const p95 = quantile(times, 0.95);
    localCloud.close();
    copy.remove();
    notes.push(`${total} answers: ${originOf(data)}; the first ${data.meta.throughFunction} answers went through survey.answer, the rest were folded with the same applyToTally`);
    rows.push({ answers: total, respondents: first.data.respondents, 'p50 ms': round(p50), 'p95 ms': round(p95), 'max ms': round(times[times.length - 1]!) });
    checks.push({ figure: `survey.results at ${total} answers, respondents counted`, value: String(first.data.respondents), goal: String(total), pass: first.data.respondents === total });
    checks.push({ figure: `survey.results p95 at ${total} answers`, value: `${round(p95)} ms (p50 ${round(p50)} ms)`, goal: `< ${GOAL_MS} ms`, pass: p95 < GOAL_MS });
  }
  return {
    title: 'Survey results: one call, from the tally shards (survey.results as a citizen, in-process, strict indexes)',
    rows,
    notes,
    checks,
  };
}
