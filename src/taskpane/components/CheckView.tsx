/**
 * 校验 results: the summary line, the catalogue used, then the findings grouped by table with their severity
 * counts. Clicking a finding locates its cells (Excel selection, or the browser preview). Inside Excel, the
 * 在工作簿中标注 / 清除标注 panel. Renders what engine.ts / checkView.ts return; no checking happens here.
 */
import * as React from 'react';
import { FindingRow, SEVERITY_COLOR } from './FindingRow';
import { useFocusOn } from './focus';
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
import type { Severity, Unchecked } from '../../rules/types';
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
  unchecked: { display: 'flex', flexDirection: 'column', gap: '4px', '& > summary': { cursor: 'pointer', color: tokens.colorNeutralForeground2 } },
  uncheckedItem: { display: 'flex', flexDirection: 'column', gap: '2px', padding: '4px 8px', minWidth: 0 },
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
  /** The report, with the ledger of relations checked / not checked when the engine gives it. */
  report: CheckReport & { checked?: number; unchecked?: Unchecked[] };
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

      {checked.unchecked && <UncheckedList unchecked={checked.unchecked} checked={checked.checked} />}

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

/**
 * 未校验: the relations the rules know but could not evaluate on this workbook, with why — never skipped in silence.
 * Folded by default (a native <details>: keyboard and screen readers know it); the count is always shown.
 */
function UncheckedList({ unchecked, checked }: { unchecked: Unchecked[]; checked?: number }): JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.group} aria-label="未校验" data-testid="unchecked">
      <div className={styles.groupHead}>
        <Subtitle2 as="h2" className={styles.groupTitle}>
          未校验（{unchecked.length}）
        </Subtitle2>
        {checked !== undefined && <Caption1 className={styles.muted}>已核对 {checked} 项关系</Caption1>}
      </div>
      {unchecked.length === 0 ? (
        <Caption1 className={styles.muted}>规则已知的关系都已核对。</Caption1>
      ) : (
        <details className={styles.unchecked}>
          <summary>以下关系因缺少表或数据未能核对，请人工检查</summary>
          <ul className={styles.list}>
            {unchecked.map((u, i) => (
              <li key={i} className={styles.uncheckedItem} data-rule={u.rule}>
                <Body1 className={styles.message}>{u.reason}</Body1>
                {u.cells.length > 0 && (
                  <span className={styles.cells}>
                    {u.cells.slice(0, 6).map((c) => (
                      <span key={c} className={styles.cell}>
                        {c}
                      </span>
                    ))}
                    {u.cells.length > 6 && <Caption1>等 {u.cells.length} 处</Caption1>}
                  </span>
                )}
                <Caption1 className={styles.rule}>规则：{u.rule}</Caption1>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
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
  const messageRef = useFocusOn<HTMLDivElement>(message);
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
          {!support.annotation && (
            <span data-testid="mark-fill-only">
              当前 Excel 版本不支持备注（需要 ExcelApi 1.18）和批注（需要 1.10）：只填色，每个单元格的问题见下方清单，点击一条即在 Excel 中选中它的单元格。
            </span>
          )}
        </Caption1>
      ) : (
        <Caption1 className={styles.muted}>
          当前 Excel 版本不支持在工作簿中标注（需要 ExcelApi 1.9 或更高版本，例如 Microsoft 365 或 Office 2021）。问题清单见下方；也可在浏览器中打开决算助手页面选择该工作簿，或使用命令行 juesuan check。
        </Caption1>
      )}
      {message && (
        <div ref={messageRef} tabIndex={-1}>
          <MessageBar intent={message.intent} data-testid="mark-message">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        </div>
      )}
    </section>
  );
}
