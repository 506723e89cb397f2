/**
 * The add-in's functions: 表格 (table list) and 校验 work; 生成说明 / 执行率汇总 have their places reserved and stay
 * disabled until they are built.
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
  current: {
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover, color: tokens.colorBrandForeground1 },
  },
});

export type FeatureView = 'tables' | 'check';

const COMING = [
  { key: 'explain', label: '生成说明' },
  { key: 'rates', label: '执行率汇总' },
];

export interface FeatureBarProps {
  view: FeatureView;
  /** A workbook has been read (校验 needs one). */
  hasData: boolean;
  busy: boolean;
  onTables: () => void;
  /** Run 校验 on the workbook read. */
  onCheck: () => void;
}

export function FeatureBar({ view, hasData, busy, onTables, onCheck }: FeatureBarProps): JSX.Element {
  const styles = useStyles();
  const tab = (key: FeatureView, label: string, onClick: () => void, disabled = false) => (
    <Button
      appearance="subtle"
      size="small"
      className={mergeClasses(view === key && styles.current)}
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
      {hasData ? (
        tab('check', '校验', onCheck, busy)
      ) : (
        <Tooltip content="请先读取工作簿" relationship="description" withArrow>
          {tab('check', '校验', onCheck, true)}
        </Tooltip>
      )}
      {COMING.map((f) => (
        <Tooltip key={f.key} content="即将推出" relationship="description" withArrow>
          <Button appearance="subtle" size="small" disabledFocusable data-feature={f.key}>
            {f.label}
          </Button>
        </Tooltip>
      ))}
    </nav>
  );
}
