// <picker>: tapping the host opens a bottom sheet of columns (selector, multiSelector, time, date); 确定 reports
// change with detail.value in WeChat's shape (index, index array, "HH:mm", "YYYY-MM-DD"), 取消 reports cancel.
// mode="region" needs WeChat's region table and fails loudly.
import { reportUnsupported } from '../loud';
import { pickFromColumns } from '../ui/sheet';
import { defineBuiltin, type Builtin } from './define';

const pad = (n: number) => String(n).padStart(2, '0');
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

function labelOf(item: unknown, key: string): string {
  if (item !== null && typeof item === 'object') return String((item as Record<string, unknown>)[key] ?? '');
  return String(item ?? '');
}

function parseDate(s: unknown, fallback: [number, number, number]): [number, number, number] {
  const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(String(s ?? ''));
  return m ? [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)] : fallback;
}

async function pickDate(self: Builtin): Promise<string | null> {
  const d = self.data;
  const fields = String(d.fields || 'day');
  const now = new Date();
  const start = parseDate(d.start, [1900, 1, 1]);
  const end = parseDate(d.end, [2100, 12, 31]);
  const value = parseDate(d.value, [now.getFullYear(), now.getMonth() + 1, now.getDate()]);
  const years = range(start[0], end[0]);
  const daysIn = (y: number, m: number) => new Date(y, m, 0).getDate();
  const columnsFor = (y: number, m: number) => {
    const cols = [years.map((v) => `${v}年`)];
    if (fields !== 'year') cols.push(range(1, 12).map((v) => `${v}月`));
    if (fields === 'day') cols.push(range(1, daysIn(y, m)).map((v) => `${v}日`));
    return cols;
  };
  const selected = [Math.max(0, years.indexOf(value[0])), value[1] - 1, value[2] - 1].slice(0, fields === 'year' ? 1 : fields === 'month' ? 2 : 3);
  const chosen = await pickFromColumns({
    columns: columnsFor(value[0], value[1]),
    selected,
    onColumnChange: (_c, _i, sel) => columnsFor(years[sel[0] ?? 0]!, (sel[1] ?? 0) + 1),
  });
  if (!chosen) return null;
  const y = years[chosen[0] ?? 0]!;
  if (fields === 'year') return String(y);
  const m = (chosen[1] ?? 0) + 1;
  if (fields === 'month') return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(Math.min((chosen[2] ?? 0) + 1, daysIn(y, m)))}`;
}

async function pickTime(self: Builtin): Promise<string | null> {
  const [h, m] = String(self.data.value || '00:00').split(':').map(Number);
  const chosen = await pickFromColumns({ columns: [range(0, 23).map(pad), range(0, 59).map(pad)], selected: [h ?? 0, m ?? 0] });
  return chosen ? `${pad(chosen[0] ?? 0)}:${pad(chosen[1] ?? 0)}` : null;
}

async function open(self: Builtin): Promise<void> {
  const d = self.data;
  if (d.disabled) return;
  const mode = String(d.mode || 'selector');
  const key = String(d.rangeKey || '');
  let value: unknown = null;
  if (mode === 'selector') {
    const items = (Array.isArray(d.range) ? d.range : []) as unknown[];
    const chosen = await pickFromColumns({ columns: [items.map((it) => labelOf(it, key))], selected: [Number(d.value) || 0] });
    value = chosen ? chosen[0] : null;
  } else if (mode === 'multiSelector') {
    const cols = (Array.isArray(d.range) ? d.range : []) as unknown[][];
    const labels = () => ((Array.isArray(self.data.range) ? self.data.range : []) as unknown[][]).map((col) => (Array.isArray(col) ? col : []).map((it) => labelOf(it, key)));
    const chosen = await pickFromColumns({
      columns: cols.map((col) => (Array.isArray(col) ? col : []).map((it) => labelOf(it, key))),
      selected: Array.isArray(d.value) ? (d.value as number[]) : cols.map(() => 0),
      onColumnChange: (column, index) => {
        // The page may answer columnchange with setData({ range }) synchronously: read the columns again.
        self.triggerEvent('columnchange', { column, value: index });
        return labels();
      },
    });
    value = chosen;
  } else if (mode === 'time') {
    value = await pickTime(self);
  } else if (mode === 'date') {
    value = await pickDate(self);
  } else {
    reportUnsupported(`<picker mode="${mode}">`);
    return;
  }
  if (value === null) self.triggerEvent('cancel', {});
  else {
    self.setData({ value });
    self.triggerEvent('change', { value });
  }
}

export function definePicker(): void {
  defineBuiltin('picker', {
    properties: {
      mode: { type: String, value: 'selector' },
      range: { type: Array, value: [] },
      rangeKey: { type: String, value: '' },
      value: { type: null, value: 0 },
      start: { type: String, value: '' },
      end: { type: String, value: '' },
      fields: { type: String, value: 'day' },
      disabled: { type: Boolean, value: false },
      name: { type: String, value: '' },
      headerText: null,
      customItem: null,
      level: null,
    },
    attached(host) {
      host.setAttribute('role', 'button');
      host.setAttribute('aria-haspopup', 'listbox');
      host.addEventListener('click', () => {
        void open(this);
      });
    },
    methods: {
      formValue(this: Builtin) {
        return this.data.value;
      },
      formReset(this: Builtin) {
        this.setData({ value: this.data.mode === 'multiSelector' ? [] : this.data.mode === 'selector' ? 0 : '' });
      },
    },
  });
}
