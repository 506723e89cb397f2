/**
 * One clickable finding in a list (校验 and 核对说明 share it): severity badge, keyboard activation, the
 * data-* attributes the browser tests read. What is shown inside is the caller's.
 */
import * as React from 'react';
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Severity } from '../../rules/types';

export const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  错误: 'danger',
  警告: 'warning',
  提示: 'informative',
};

const useStyles = makeStyles({
  item: {
    display: 'flex',
    gap: '8px',
    alignItems: 'flex-start',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  badge: { flexShrink: 0, marginTop: '1px' },
  li: { listStyle: 'none' },
});

export interface FindingRowProps {
  testId: string;
  finding: { rule: string; severity: Severity; cells: string[] };
  selected: boolean;
  onSelect: () => void;
  children: React.ReactNode;
  /** Controls shown with the finding but outside its button (no nested interactive elements). */
  actions?: React.ReactNode;
}

/**
 * A list item (the list keeps its semantics) holding one button-like block: role="button" sits on the inner div,
 * never on the <li>. Controls of their own (`actions`) go beside the button, never inside it.
 */
export function FindingRow({ testId, finding, selected, onSelect, children, actions }: FindingRowProps): JSX.Element {
  const styles = useStyles();
  return (
    <li className={styles.li} data-testid={`${testId}-item`}>
    <div
      className={mergeClasses(styles.item, selected && styles.selected)}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      data-testid={testId}
      data-rule={finding.rule}
      data-severity={finding.severity}
      data-cells={finding.cells.join(' ')}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      <Badge className={styles.badge} appearance="filled" color={SEVERITY_COLOR[finding.severity]} size="small">
        {finding.severity}
      </Badge>
      {children}
    </div>
    {actions}
    </li>
  );
}
