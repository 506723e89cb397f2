/**
 * 校验 results: the summary line, the catalogue used, then the findings grouped by table with their severity
 * counts. Clicking a finding locates its cells (Excel selection, or the browser preview). Inside Excel, the
 * 在工作簿中标注 / 清除标注 panel. Renders what engine.ts / checkView.ts return; no checking happens here.
 */
import * as React from 'react';
import { FindingRow, SEVERITY_COLOR } from './FindingRow';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { Severity } from '../../rules/types';
import type { HostKind } from '../host';
import type { MarkSupport } from '../engine';
import { CheckGroup, CheckReport, FindingItem, SEVERITIES } from '../checkView';
import { FindingStatus, Review, ReviewPanel, ReviewSource, useReview } from './ReviewStatus';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  muted: { color: tokens.colorNeutralForeground3 },
  catalogue: { color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
  meta: { display: 'flex', flexDirection: 'column', gap: '2px' },
  group: { display: 'flex', flexDirection: 'column', gap: '4px' },
  groupHead: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: '8px',
    rowGap: '2px',
    paddingBottom: '2px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  groupTitle: { marginRight: 'auto' },
  badges: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '2px' },
  text: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  message: { wordBreak: 'break-word' },
  values: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  rule: { color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
  cells: { display: 'flex', flexWrap: 'wrap', columnGap: '6px', rowGap: '0', color: tokens.colorNeutralForeground3 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  markPanel: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  markButtons: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  swatches: { display: 'inline-flex', gap: '8px', flexWrap: 'wrap' },
  swatch: { display: 'inline-flex', alignItems: 'center', gap: '3px', whiteSpace: 'nowrap' },
  chip: { width: '10px', height: '10px', borderRadius: '2px', display: 'inline-block', border: `1px solid ${tokens.colorNeutralStroke1}` },
});


/** The mark colours, for the legend (same as MARK_COLORS in markCells.ts). */
const LEGEND: { severity: Severity; color: string }[] = [
  { severity: '错误', color: '#FF7C80' },
  { severity: '警告', color: '#FFC000' },
  { severity: '提示', color: '#9BC2E6' },
];

export interface MarkPanelState {
  support: MarkSupport;
  /** The workbook carries marks (the record sheet exists). */
  present: boolean;
  /** "正在标注…" while working. */
  busy?: string;
  message?: { intent: 'success' | 'error' | 'info'; text: string };
  onMark: () => void;
  onUnmark: () => void;
}

export interface CheckViewProps {
  report: CheckReport;
  host: HostKind;
  selectedKey?: string;
  onSelect: (item: FindingItem) => void;
  /** Inside Excel only. */
  mark?: MarkPanelState;
  /** The workbook, to read and write finding statuses and the 整改清单 (ReviewStatus.tsx). */
  review?: ReviewSource;
}

export function CheckView({ report: checked, host, selectedKey, onSelect, mark, review: source }: CheckViewProps): JSX.Element {
  const styles = useStyles();
  const review = useReview(checked, source);
  const report = review?.report ?? checked;
  const hint = host === 'excel' ? '点击一条结果，在 Excel 中选中它涉及的单元格。' : '点击一条结果，在工作表预览中定位它涉及的单元格。';
  return (
    <div className={styles.root} data-testid="check-view">
      <MessageBar intent={report.intent} data-testid="check-summary" data-errors={report.counts.错误}>
        <MessageBarBody>
          {report.total === 0 ? (
            <>
              <MessageBarTitle>{report.summary}</MessageBarTitle>没有发现问题。
            </>
          ) : (
            <>
              <MessageBarTitle>{report.counts.错误 ? '发现错误' : '没有错误'}</MessageBarTitle>
              {report.summary}
            </>
          )}
        </MessageBarBody>
      </MessageBar>

      <div className={styles.meta}>
        <Caption1 className={styles.catalogue} data-testid="check-catalogue">
          {report.catalogue}
        </Caption1>
        {report.catalogueNotes.map((n) => (
          <Caption1 key={n} className={styles.catalogue}>
            {n}
          </Caption1>
        ))}
      </div>

      {mark && <MarkPanel mark={mark} hasFindings={report.total > 0} />}

      {review && <ReviewPanel review={review} />}

      {report.total > 0 && <Caption1 className={styles.muted}>{hint}</Caption1>}

      {report.groups.map((g) => (
        <Group key={g.key} group={g} selectedKey={selectedKey} onSelect={onSelect} review={review} />
      ))}

      {report.apart && report.apart.length > 0 && (
        <Group
          group={{ key: 'apart', title: '已标为误报或已整改（不计入）', counts: { 错误: 0, 警告: 0, 提示: 0 }, items: report.apart }}
          selectedKey={selectedKey}
          onSelect={onSelect}
          review={review}
        />
      )}
    </div>
  );
}

function SeverityBadges({ counts }: { counts: Record<Severity, number> }): JSX.Element {
  const styles = useStyles();
  return (
    <span className={styles.badges}>
      {SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
        <Badge key={s} appearance="tint" color={SEVERITY_COLOR[s]} size="small" data-severity={s}>
          {s} {counts[s]}
        </Badge>
      ))}
    </span>
  );
}

function Group({
  group,
  selectedKey,
  onSelect,
  review,
}: {
  group: CheckGroup;
  selectedKey?: string;
  onSelect: (item: FindingItem) => void;
  review?: Review;
}): JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.group} aria-label={group.title} data-group={group.key} data-testid="check-group">
      <div className={styles.groupHead}>
        <Subtitle2 as="h2" className={styles.groupTitle}>
          {group.title}
        </Subtitle2>
        <SeverityBadges counts={group.counts} />
      </div>
      <ul className={styles.list}>
        {group.items.map((item) => (
          <React.Fragment key={item.key}>
            <Finding item={item} selected={item.key === selectedKey} onSelect={onSelect} />
            {review && <FindingStatus itemKey={item.key} review={review} />}
          </React.Fragment>
        ))}
      </ul>
    </section>
  );
}

function Finding({ item, selected, onSelect }: { item: FindingItem; selected: boolean; onSelect: (item: FindingItem) => void }): JSX.Element {
  const styles = useStyles();
  const f = item.finding;
  const hasValues = f.expected !== undefined || f.actual !== undefined;
  return (
    <FindingRow testId="finding" finding={f} selected={selected} onSelect={() => onSelect(item)}>
      <div className={styles.text}>
        <Body1 className={styles.message} data-col="message">
          {f.message}
        </Body1>
        {hasValues && (
          <Caption1 className={styles.values} data-col="values">
            {f.expected !== undefined && `应为 ${f.expected}`}
            {f.expected !== undefined && f.actual !== undefined && '，'}
            {f.actual !== undefined && `实为 ${f.actual}`}
          </Caption1>
        )}
        {item.cellsShown.length > 0 && (
          <span className={styles.cells} data-col="cells">
            {item.cellsShown.map((c) => (
              <span key={c} className={styles.cell}>
                {c}
              </span>
            ))}
            {item.cellsMore > 0 && <Caption1>等 {item.cellsShown.length + item.cellsMore} 处</Caption1>}
          </span>
        )}
        <Caption1 className={styles.rule} data-col="rule">
          规则：{f.rule}
        </Caption1>
      </div>
    </FindingRow>
  );
}

function MarkPanel({ mark, hasFindings }: { mark: MarkPanelState; hasFindings: boolean }): JSX.Element {
  const styles = useStyles();
  const { support, present, busy, message } = mark;
  const how = support.annotation ? `并添加${support.annotation}` : '';
  return (
    <section className={styles.markPanel} aria-label="在工作簿中标注" data-testid="mark-panel">
      <div className={styles.markButtons}>
        <Button
          size="small"
          appearance="primary"
          disabled={!support.supported || !hasFindings || !!busy}
          onClick={mark.onMark}
          data-testid="mark-button"
        >
          {present ? '重新标注' : '在工作簿中标注'}
        </Button>
        <Button size="small" disabled={!present || !!busy} onClick={mark.onUnmark} data-testid="unmark-button">
          清除标注
        </Button>
        {busy && <Spinner size="extra-tiny" label={busy} labelPosition="after" />}
      </div>
      {support.supported ? (
        <Caption1 className={styles.muted}>
          在有问题的单元格上填色{how}：
          <span className={styles.swatches}>
            {LEGEND.map((l) => (
              <span key={l.severity} className={styles.swatch}>
                <span className={styles.chip} style={{ backgroundColor: l.color }} />
                {l.severity}
              </span>
            ))}
          </span>
          。原来的填充和备注先保存在隐藏工作表中，清除标注后恢复原样。
        </Caption1>
      ) : (
        <Caption1 className={styles.muted}>当前 Excel 版本不支持在工作簿中标注（需要 ExcelApi 1.9 或更高版本）。</Caption1>
      )}
      {message && (
        <MessageBar intent={message.intent} data-testid="mark-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
