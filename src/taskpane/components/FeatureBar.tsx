/**
 * The add-in's functions: 表格 (table list), 校验, 补充信息, 生成说明, 执行率汇总 and 核对说明. Everything but 表格 needs
 * a workbook that has been read.
 */
import * as React from 'react';
import { makeStyles, Tab, TabList, tokens, Tooltip } from '@fluentui/react-components';

const useStyles = makeStyles({
  // The tabs keep one row: at the task pane's 360 px they fit; narrower, the row scrolls sideways inside itself
  // (never the page), and every tab stays reachable with the arrow keys.
  root: {
    overflowX: 'auto',
    overflowY: 'hidden',
    scrollbarWidth: 'thin',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  list: { flexWrap: 'nowrap', width: 'max-content' },
  tab: { paddingLeft: '6px', paddingRight: '6px', whiteSpace: 'nowrap' },
  waiting: { color: tokens.colorNeutralForegroundDisabled },
});

export type FeatureView = 'tables' | 'check' | 'supplement' | 'narrative' | 'rates' | 'audit';

/** The functions that work on a workbook read, in the bar's order. */
export const FEATURES: { key: Exclude<FeatureView, 'tables'>; label: string }[] = [
  { key: 'check', label: '校验' },
  { key: 'supplement', label: '补充信息' },
  { key: 'narrative', label: '生成说明' },
  { key: 'rates', label: '执行率汇总' },
  { key: 'audit', label: '核对说明' },
];

export interface FeatureBarProps {
  view: FeatureView;
  /** A workbook has been read (every function but 表格 needs one). */
  hasData: boolean;
  /** 校验 is running (its button does not start it again). */
  busy: boolean;
  onTables: () => void;
  /** Run 校验 on the workbook read. */
  onCheck: () => void;
  /** Open one of the other functions. */
  onView: (view: FeatureView) => void;
}

/**
 * A Fluent TabList. A function that cannot run yet stays focusable (aria-disabled, with the tooltip 请先读取工作簿)
 * rather than disabled, so keyboard and screen-reader users learn why.
 */
export function FeatureBar({ view, hasData, busy, onTables, onCheck, onView }: FeatureBarProps): JSX.Element {
  const styles = useStyles();
  const waiting = (key: FeatureView) => key !== 'tables' && (!hasData || (key === 'check' && busy));
  const activate = (key: FeatureView) => {
    if (waiting(key)) return;
    if (key === 'tables') onTables();
    else if (key === 'check') onCheck();
    else onView(key);
  };
  const tab = (key: FeatureView, label: string) => {
    const off = waiting(key);
    const t = (
      <Tab
        key={key}
        value={key}
        className={off ? `${styles.tab} ${styles.waiting}` : styles.tab}
        aria-disabled={off ? true : undefined}
        data-feature={key}
        // Clicking the current 校验 again runs it again (the workbook may have changed).
        onClick={key === 'check' && view === 'check' ? () => activate(key) : undefined}
      >
        {label}
      </Tab>
    );
    return off && !hasData ? (
      <Tooltip key={key} content="请先读取工作簿" relationship="description" withArrow>
        {t}
      </Tooltip>
    ) : (
      t
    );
  };
  return (
    <nav className={styles.root} aria-label="功能" data-testid="features">
      <TabList
        className={styles.list}
        size="small"
        selectedValue={view}
        onTabSelect={(_, d) => activate(d.value as FeatureView)}
      >
        {tab('tables', '表格')}
        {FEATURES.map((f) => tab(f.key, f.label))}
      </TabList>
    </nav>
  );
}
