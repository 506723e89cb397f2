/**
 * The add-in's functions. 表格 (table list) is what exists today; 校验 / 生成说明 / 执行率汇总 have their
 * places reserved here and stay disabled until they are built.
 */
import * as React from 'react';
import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';

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

const COMING = [
  { key: 'check', label: '校验' },
  { key: 'explain', label: '生成说明' },
  { key: 'rates', label: '执行率汇总' },
];

export function FeatureBar(): JSX.Element {
  const styles = useStyles();
  return (
    <nav className={styles.root} aria-label="功能" data-testid="features">
      <Button appearance="subtle" className={styles.current} aria-current="page" size="small">
        表格
      </Button>
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
