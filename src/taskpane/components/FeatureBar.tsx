/**
 * The add-in's functions: 表格 (table list), 校验, 补充信息, 生成说明, 执行率汇总 and 核对说明. Everything but 表格 needs
 * a workbook that has been read.
 */
import * as React from 'react';
import { Button, makeStyles, mergeClasses, tokens, Tooltip } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '4px',
    padding: '4px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tab: { minWidth: 'auto', paddingLeft: '8px', paddingRight: '8px' },
  current: {
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover, color: tokens.colorBrandForeground1 },
  },
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

export function FeatureBar({ view, hasData, busy, onTables, onCheck, onView }: FeatureBarProps): JSX.Element {
  const styles = useStyles();
  const tab = (key: FeatureView, label: string, onClick: () => void, disabled = false) => (
    <Button
      key={key}
      appearance="subtle"
      size="small"
      className={mergeClasses(styles.tab, view === key && styles.current)}
      aria-current={view === key ? 'page' : undefined}
      data-feature={key}
      disabledFocusable={disabled}
      onClick={disabled ? undefined : onClick}
    >
      {label}
    </Button>
  );
  return (
    <nav className={styles.root} aria-label="功能" data-testid="features">
      {tab('tables', '表格', onTables)}
      {FEATURES.map((f) => {
        const onClick = f.key === 'check' ? onCheck : () => onView(f.key);
        return hasData ? (
          tab(f.key, f.label, onClick, f.key === 'check' && busy)
        ) : (
          <Tooltip key={f.key} content="请先读取工作簿" relationship="description" withArrow>
            {tab(f.key, f.label, onClick, true)}
          </Tooltip>
        );
      })}
    </nav>
  );
}
