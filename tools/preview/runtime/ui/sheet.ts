// Bottom sheets: wx.showActionSheet, and the column picker the built-in <picker> opens.
import { h, overlayLayer } from './dom';

export interface ActionSheetOptions {
  itemList: string[];
  itemColor?: string;
  alertText?: string;
}

/** Resolves with the index tapped, or null when cancelled. */
export function showActionSheet(opts: ActionSheetOptions): Promise<number | null> {
  return new Promise((resolve) => {
    const root = h('div', { className: 'mp-layer', 'data-testid': 'mp-action-sheet' });
    const done = (index: number | null) => {
      root.remove();
      resolve(index);
    };
    root.append(
      h('div', { className: 'mp-sheet-mask', onclick: () => done(null) }),
      h(
        'div',
        { className: 'mp-sheet', role: 'menu' },
        opts.alertText ? h('div', { className: 'mp-sheet__title', text: opts.alertText }) : null,
        ...opts.itemList.map((item, i) =>
          h('button', { className: 'mp-sheet__item', role: 'menuitem', text: item, style: `color:${opts.itemColor ?? '#000'}`, onclick: () => done(i) }),
        ),
        h('button', { className: 'mp-sheet__item mp-sheet__cancel', text: '取消', onclick: () => done(null) }),
      ),
    );
    overlayLayer().append(root);
  });
}

export interface ColumnsOptions {
  columns: string[][];
  selected: number[];
  /** Called when a column's choice changes; may return new columns (a multiSelector's linked columns, a date's days). */
  onColumnChange?: (column: number, index: number, selected: number[]) => string[][] | void;
}

/** A sheet of scrollable columns with 取消 / 确定; resolves with the chosen index per column, or null when cancelled. */
export function pickFromColumns(opts: ColumnsOptions): Promise<number[] | null> {
  return new Promise((resolve) => {
    let columns = opts.columns.map((c) => c.slice());
    const selected = opts.selected.map((s, i) => Math.min(Math.max(0, s), Math.max(0, (columns[i]?.length ?? 1) - 1)));
    const body = h('div', { className: 'mp-columns' });
    const render = () => {
      body.replaceChildren(
        ...columns.map((items, c) =>
          h(
            'div',
            { className: 'mp-column', role: 'listbox', 'data-column': c },
            ...items.map((label, i) =>
              h('div', {
                className: `mp-column__item${i === selected[c] ? ' mp-column__item--selected' : ''}`,
                role: 'option',
                'aria-selected': i === selected[c] ? 'true' : 'false',
                text: label,
                onclick: () => {
                  selected[c] = i;
                  const next = opts.onColumnChange?.(c, i, selected.slice());
                  if (next) {
                    columns = next;
                    columns.forEach((col, k) => (selected[k] = Math.min(selected[k] ?? 0, Math.max(0, col.length - 1))));
                  }
                  render();
                },
              }),
            ),
          ),
        ),
      );
      body.querySelectorAll<HTMLElement>('.mp-column').forEach((col, c) => {
        col.scrollTop = (selected[c] ?? 0) * 48;
      });
    };
    const root = h('div', { className: 'mp-layer', 'data-testid': 'mp-picker' });
    const done = (value: number[] | null) => {
      root.remove();
      resolve(value);
    };
    root.append(
      h('div', { className: 'mp-sheet-mask', onclick: () => done(null) }),
      h(
        'div',
        { className: 'mp-sheet' },
        h(
          'div',
          { className: 'mp-sheet__header' },
          h('button', { text: '取消', 'data-testid': 'mp-picker-cancel', onclick: () => done(null) }),
          h('button', { className: 'mp-sheet__confirm', text: '确定', 'data-testid': 'mp-picker-confirm', onclick: () => done(selected.slice()) }),
        ),
        body,
      ),
    );
    overlayLayer().append(root);
    render();
  });
}
