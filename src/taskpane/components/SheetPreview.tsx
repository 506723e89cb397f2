/**
 * Browser page only: a read-only view of one snapshot sheet as an HTML table, with the selected ranges
 * (a table, or every cell of a finding) highlighted and the first one scrolled into view. (Inside Excel the
 * workbook itself is the preview.)
 */
import * as React from 'react';
import { Caption1, Label, makeStyles, mergeClasses, Select, Subtitle2, tokens, useId } from '@fluentui/react-components';
import type { CellRange, WorkbookSnapshot } from '../../snapshot/types';
import { columnName, parseA1 } from '../../snapshot/address';
import { buildPreview, inRange, PREVIEW_MAX_COLS, PREVIEW_MAX_ROWS } from '../preview';

export interface PreviewSelection {
  sheet: string;
  /** A1 ranges on that sheet, when a table or a finding was picked (the first one is scrolled to). */
  ranges?: string[];
  /** What was picked: a table's reference (公开01表!A1:H40) or a finding's key. */
  ref?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  head: { display: 'flex', alignItems: 'center', columnGap: '16px', rowGap: '4px', flexWrap: 'wrap', minWidth: 0 },
  picker: { display: 'flex', alignItems: 'center', gap: '6px', minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, maxWidth: '100%', flexShrink: 1 },
  scroller: {
    position: 'relative',
    overflow: 'auto',
    maxHeight: '32vh',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (min-width: 960px)': { maxHeight: 'calc(100vh - 120px)' },
  },
  grid: {
    borderCollapse: 'collapse',
    fontSize: '12px',
    lineHeight: '18px',
    color: tokens.colorNeutralForeground1,
  },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: 'normal',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '0 6px',
    minWidth: '32px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: 'normal',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '0 6px',
    textAlign: 'right',
  },
  corner: { left: 0, zIndex: 3 },
  headActive: { color: tokens.colorBrandForeground1, fontWeight: 'bold' },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: '1px 6px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    verticalAlign: 'middle',
  },
  single: { maxWidth: '240px' },
  merged: { textAlign: 'center' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  hit: { backgroundColor: tokens.colorBrandBackground2 },
  /** A finding's cells: outlined so single cells stand out; its first cell (the one in question) in red. */
  hitCell: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `1px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    outlineOffset: '-1px',
  },
  hitFirst: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: '-2px',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SheetPreviewProps {
  snapshot: WorkbookSnapshot;
  selection?: PreviewSelection;
  onSheetChange: (sheet: string) => void;
}

export function SheetPreview({ snapshot, selection, onSheetChange }: SheetPreviewProps): JSX.Element {
  const styles = useStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const selectId = useId('sheet-select');
  const sheet = snapshot.sheets.find((s) => s.name === selection?.sheet) ?? snapshot.sheets[0];
  const grid = React.useMemo(() => (sheet ? buildPreview(sheet) : null), [sheet]);
  const ranges = React.useMemo<CellRange[]>(
    () =>
      selection && sheet && selection.sheet === sheet.name && selection.ranges
        ? selection.ranges.map((r) => parseA1(r)).filter((r): r is CellRange => !!r)
        : [],
    [selection, sheet],
  );
  const range = ranges[0] ?? null;
  const small = ranges.length > 0 && ranges.every((r) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1) <= 4);
  const rowActive = (r: number) => ranges.some((x) => r >= x.r0 && r <= x.r1);
  const colActive = (c: number) => ranges.some((x) => c >= x.c0 && c <= x.c1);

  // Bring the selected range's top-left cell into view (below the sticky headers).
  React.useEffect(() => {
    const box = scroller.current;
    if (!box || !range) return;
    const target = box.querySelector<HTMLElement>(`[data-r="${range.r0}"][data-c="${range.c0}"]`);
    if (!target) return;
    const head = box.querySelector<HTMLElement>('thead th');
    const side = box.querySelector<HTMLElement>('tbody th');
    const b = box.getBoundingClientRect();
    const t = target.getBoundingClientRect();
    const headH = head?.offsetHeight ?? 0;
    const sideW = side?.offsetWidth ?? 0;
    if (small) {
      // A finding's cell: centred, so its row label and neighbours stay visible.
      box.scrollTop += t.top - b.top - headH - (box.clientHeight - headH - t.height) / 2;
      box.scrollLeft += t.left - b.left - sideW - Math.max(0, (box.clientWidth - sideW - t.width) / 2);
    } else {
      box.scrollTop += t.top - b.top - headH - 4;
      box.scrollLeft += t.left - b.left - sideW - 4;
    }
    // Only the preview scrolls: it is pinned in view (App), so the page itself never jumps.
    // Runs again for every new selection object, so clicking the same table twice scrolls back to it.
  }, [selection, sheet?.name, small, range]);

  if (!sheet || !grid) return <Caption1 className={styles.muted}>工作簿中没有工作表。</Caption1>;

  const colHeads = grid.cols;
  return (
    <section className={styles.root} aria-label="工作表预览" data-testid="preview">
      <div className={styles.head}>
        <Subtitle2 as="h2">工作表预览（只读）</Subtitle2>
        <div className={styles.picker}>
          <Label htmlFor={selectId} size="small">
            工作表
          </Label>
          <Select id={selectId} size="small" className={styles.select} value={sheet.name} onChange={(_, d) => onSheetChange(d.value)} data-testid="sheet-select">
            {snapshot.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.hidden ? `${s.name}（隐藏）` : s.name}
              </option>
            ))}
          </Select>
        </div>
        {range && selection?.ranges && (
          <Caption1 data-testid="preview-range">
            已定位：{sheet.name}!{selection.ranges.join('、')}
          </Caption1>
        )}
      </div>
      <div className={styles.scroller} ref={scroller} tabIndex={0} role="region" aria-label={`工作表“${sheet.name}”的内容`}>
        <table className={styles.grid} data-sheet={sheet.name}>
          <thead>
            <tr>
              <th className={mergeClasses(styles.colHead, styles.corner)} />
              {colHeads.map((c) => (
                <th
                  key={c}
                  className={mergeClasses(styles.colHead, colActive(c) && styles.headActive)}
                >
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row, r) => (
              <tr key={r}>
                <th className={mergeClasses(styles.rowHead, rowActive(r) && styles.headActive)}>
                  {r + 1}
                </th>
                {row.map((cell) => {
                  const hit = ranges.some((x) => inRange(x, cell.r, cell.c));
                  const cls = mergeClasses(
                    styles.cell,
                    cell.colSpan === 1 ? styles.single : styles.merged,
                    cell.numeric && styles.num,
                    hit && (!small ? styles.hit : inRange(range, cell.r, cell.c) ? styles.hitFirst : styles.hitCell),
                  );
                  return (
                    <td
                      key={cell.c}
                      className={cls}
                      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                      data-r={cell.r}
                      data-c={cell.c}
                      data-hit={hit ? '1' : undefined}
                      title={cell.text.length > 20 ? cell.text : undefined}
                    >
                      {cell.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {grid.truncated && (
        <Caption1 className={styles.muted}>
          工作表较大，预览只显示前 {PREVIEW_MAX_ROWS} 行、{PREVIEW_MAX_COLS} 列。
        </Caption1>
      )}
    </section>
  );
}
