/** The tables found in the workbook (the nine standard ones and the extras), the missing ones, and reader issues. */
import * as React from 'react';
import {
  Badge,
  Body1,
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { Accounts, ReadIssue, TableLocation } from '../../model/types';
import type { HostKind } from '../host';
import { groupTables, listedIssues, missingLabels, tableNumber, tableRef, tableKey, unitText } from '../viewModel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  section: { display: 'flex', flexDirection: 'column', gap: '4px' },
  hint: { color: tokens.colorNeutralForeground3 },
  table: { tableLayout: 'auto', width: '100%' },
  row: { cursor: 'pointer' },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
    ':active': { backgroundColor: tokens.colorBrandBackground2Pressed },
  },
  num: { color: tokens.colorNeutralForeground3, marginRight: '6px', whiteSpace: 'nowrap' },
  nameCell: { wordBreak: 'break-word', overflowWrap: 'anywhere', paddingTop: '4px', paddingBottom: '4px' },
  where: { display: 'block', color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  rangeHead: { width: '1%', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  name: { display: 'inline', marginRight: '4px' },
  issues: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '6px' },
  issue: { display: 'flex', gap: '6px', alignItems: 'baseline' },
  issueText: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  cells: { display: 'flex', flexWrap: 'wrap', gap: '6px' },
});

export interface TablesViewProps {
  accounts: Accounts;
  host: HostKind;
  selectedRef?: string;
  onSelect: (ref: string) => void;
}

export function TablesView({ accounts, host, selectedRef, onSelect }: TablesViewProps): JSX.Element {
  const styles = useStyles();
  const { standard, extra } = groupTables(accounts);
  const missing = missingLabels(accounts);
  const issues = listedIssues(accounts);
  const clickHint = host === 'excel' ? '点击一行，在 Excel 中选中该表的区域。' : '点击一行，在工作表预览中定位该表。';
  return (
    <div className={styles.root} data-testid="tables-view">
      {standard.length === 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="no-tables">
          <MessageBarBody>
            <MessageBarTitle>没有找到决算公开表</MessageBarTitle>
            工作簿中没有九张部门决算公开表（收入支出决算总表、收入决算表……）中的任何一张。决算助手按表名识别各表：请确认打开的是部门决算公开表工作簿，表名写在表格上方或工作表名中。
          </MessageBarBody>
        </MessageBar>
      )}

      {missing.length > 0 && standard.length > 0 && (
        <MessageBar intent="warning" data-testid="missing">
          <MessageBarBody>
            <MessageBarTitle>缺少 {missing.length} 张标准表</MessageBarTitle>
            {missing.join('、')}
          </MessageBarBody>
        </MessageBar>
      )}

      {standard.length > 0 && (
      <section className={styles.section} aria-label="标准表">
        <Subtitle2 as="h2">标准表（{standard.length}/9）</Subtitle2>
        {standard.length > 0 ? (
          <>
            <Caption1 className={styles.hint}>{clickHint}</Caption1>
            <LocationTable
              tables={standard}
              idHeader="标准表名称"
              selectedRef={selectedRef}
              onSelect={onSelect}
              testId="standard-tables"
            />
          </>
        ) : null}
      </section>
      )}

      {extra.length > 0 && (
        <section className={styles.section} aria-label="其他表">
          <Subtitle2 as="h2">其他表（{extra.length}）</Subtitle2>
          <LocationTable tables={extra} idHeader="表名" selectedRef={selectedRef} onSelect={onSelect} testId="extra-tables" />
        </section>
      )}

      {issues.length > 0 && (
        <section className={styles.section} aria-label="读取提示">
          <Subtitle2 as="h2">读取提示（{issues.length}）</Subtitle2>
          <IssueList issues={issues} onSelect={onSelect} />
        </section>
      )}
    </div>
  );
}

function LocationTable(props: {
  tables: TableLocation[];
  idHeader: string;
  selectedRef?: string;
  onSelect: (ref: string) => void;
  testId: string;
}): JSX.Element {
  const styles = useStyles();
  return (
    <Table size="extra-small" className={styles.table} aria-label={props.idHeader} data-testid={props.testId}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{props.idHeader}</TableHeaderCell>
          <TableHeaderCell className={styles.rangeHead}>区域</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.tables.map((t) => {
          const ref = tableRef(t);
          const selected = ref === props.selectedRef;
          return (
            <TableRow
              key={tableKey(t)}
              className={mergeClasses(styles.row, selected && styles.selected)}
              tabIndex={0}
              aria-selected={selected}
              data-table-id={t.id}
              title={t.title && t.title !== t.name ? `表头原文：${t.title}` : undefined}
              onClick={() => props.onSelect(ref)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  props.onSelect(ref);
                }
              }}
            >
              {/* Name first, then where it is on a line of its own: at 360 px every name stays readable. */}
              <TableCell className={styles.nameCell}>
                <div>
                  <span className={styles.num}>{tableNumber(t.id)}</span>
                  <span className={styles.name} data-col="name">
                    {t.name}
                  </span>
                  {t.empty && (
                    <Badge appearance="tint" color="informative" size="small">
                      无数据
                    </Badge>
                  )}
                </div>
                <Caption1 className={styles.where}>
                  工作表 <span data-col="sheet">{t.sheet}</span> · <span data-col="unit">{unitText(t)}</span>
                </Caption1>
              </TableCell>
              <TableCell className={styles.mono} data-col="range">
                {t.range}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

const SEVERITY_COLOR: Record<ReadIssue['severity'], 'danger' | 'warning' | 'informative'> = {
  错误: 'danger',
  警告: 'warning',
  提示: 'informative',
};

function IssueList({ issues, onSelect }: { issues: ReadIssue[]; onSelect: (ref: string) => void }): JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.issues} data-testid="issues">
      {issues.map((issue, i) => (
        <li key={i} className={styles.issue}>
          <Badge appearance="filled" color={SEVERITY_COLOR[issue.severity] ?? 'informative'} size="small">
            {issue.severity}
          </Badge>
          <div className={styles.issueText}>
            <Body1>{issue.message}</Body1>
            {issue.cells.length > 0 && (
              <div className={styles.cells}>
                {issue.cells.slice(0, 8).map((c) => (
                  <Link key={c} as="button" className={styles.mono} onClick={() => onSelect(c)}>
                    {c}
                  </Link>
                ))}
                {issue.cells.length > 8 && <Caption1>等 {issue.cells.length} 处</Caption1>}
              </div>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
