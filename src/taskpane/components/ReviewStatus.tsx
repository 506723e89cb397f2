/**
 * Finding statuses in 校验: a small status control under each finding (未处理 / 已确认 / 误报 / 已整改 and a note,
 * saved into the workbook's very hidden 决算助手_状态 sheet), and the 写出整改清单 button. Self-contained: CheckView
 * calls useReview() and renders these; the engine side is reviewPane.ts.
 */
import * as React from 'react';
import { Button, Caption1, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, tokens } from '@fluentui/react-components';
import type { CheckReport } from '../checkView';
import type { LoadedWorkbook } from '../engine';
import { errorMessage } from '../engine';
import { OPEN, REVIEW_STATUSES, ReviewedFinding, ReviewStatus } from '../../review/status';
import { reviewItems, reviewReport, saveStatus, writeReport, REPORT_SHEET } from '../reviewPane';

const useStyles = makeStyles({
  status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '6px', padding: '0 8px 6px 48px', listStyle: 'none' },
  note: { flexGrow: 1, minWidth: '8em' },
  reopened: { color: tokens.colorPaletteDarkOrangeForeground1, width: '100%' },
  panel: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ReviewSource {
  data: LoadedWorkbook;
  /** The workbook read again after a write. */
  onData: (data: LoadedWorkbook, sheet?: string) => void;
}

export interface Review {
  /** The report as shown (误报 / 已整改 apart, not counted). */
  report: CheckReport;
  reviewed: Map<string, ReviewedFinding>;
  busy?: string;
  message?: { intent: 'success' | 'error'; text: string };
  save: (key: string, status: ReviewStatus | null, note: string) => void;
  writeReport: () => void;
}

export function useReview(report: CheckReport, source?: ReviewSource): Review | undefined {
  const [busy, setBusy] = React.useState<string>();
  const [message, setMessage] = React.useState<Review['message']>();
  const data = source?.data;
  const onData = source?.onData;
  const reviewed = React.useMemo(() => (data ? reviewItems(data.snapshot, report) : new Map<string, ReviewedFinding>()), [data, report]);
  const shown = React.useMemo(() => reviewReport(report, reviewed), [report, reviewed]);
  const save = React.useCallback(
    (key: string, status: ReviewStatus | null, note: string) => {
      const item = reviewed.get(key);
      if (!data || !onData || !item) return;
      setBusy('正在保存状态…');
      setMessage(undefined);
      saveStatus(data, item, status, note)
        .then((w) => {
          onData(w.data);
          setMessage({ intent: 'success', text: status ? `已标为“${status}”。` : '已恢复为未处理。' });
        })
        .catch((e) => setMessage({ intent: 'error', text: errorMessage(e, '保存状态时出错') }))
        .finally(() => setBusy(undefined));
    },
    [data, onData, reviewed],
  );
  const report2 = React.useCallback(() => {
    if (!data || !onData) return;
    setBusy('正在写出整改清单…');
    setMessage(undefined);
    writeReport(data, shown, reviewed)
      .then((w) => {
        onData(w.data, REPORT_SHEET);
        setMessage({ intent: 'success', text: `已写出“${REPORT_SHEET}”工作表（${shown.total} 条待整改）。` });
      })
      .catch((e) => setMessage({ intent: 'error', text: errorMessage(e, '写出整改清单时出错') }))
      .finally(() => setBusy(undefined));
  }, [data, onData, shown, reviewed]);
  if (!source) return undefined;
  return { report: shown, reviewed, busy, message, save, writeReport: report2 };
}

/** The status control of one finding: its own list item, after the finding's (a control inside a button is not allowed). */
export function FindingStatus({ itemKey, review }: { itemKey: string; review: Review }): JSX.Element | null {
  const styles = useStyles();
  const item = review.reviewed.get(itemKey);
  const [note, setNote] = React.useState(item?.note ?? '');
  React.useEffect(() => setNote(item?.note ?? ''), [item?.note]);
  if (!item) return null;
  const id = `status-${itemKey}`;
  return (
    <li className={styles.status} data-testid="finding-status" data-status={item.status}>
      {item.reopened && (
        <Caption1 className={styles.reopened}>
          曾标为“{item.reopened.status}”，相关单元格已改动，重新打开。
        </Caption1>
      )}
      <Select
        id={id}
        size="small"
        aria-label="状态"
        value={item.status}
        disabled={!!review.busy}
        onChange={(_, d) => review.save(itemKey, d.value === OPEN ? null : (d.value as ReviewStatus), note)}
      >
        {[OPEN, ...REVIEW_STATUSES].map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
      <Input
        className={styles.note}
        size="small"
        aria-label="备注"
        placeholder="备注"
        value={note}
        disabled={!!review.busy}
        onChange={(_, d) => setNote(d.value)}
      />
      <Button
        size="small"
        disabled={!!review.busy || note === item.note || item.status === OPEN}
        onClick={() => review.save(itemKey, item.status === OPEN ? null : (item.status as ReviewStatus), note)}
      >
        保存备注
      </Button>
    </li>
  );
}

/** 写出整改清单, and what the last status or report write did. */
export function ReviewPanel({ review }: { review: Review }): JSX.Element {
  const styles = useStyles();
  return (
    <section aria-label="整改清单" data-testid="review-panel">
      <div className={styles.panel}>
        <Button size="small" onClick={review.writeReport} disabled={!!review.busy} data-testid="report-button">
          写出整改清单
        </Button>
        {review.busy ? (
          <Spinner size="extra-tiny" label={review.busy} labelPosition="after" />
        ) : (
          <Caption1 className={styles.muted}>每条结果可标为已确认、误报或已整改；误报和已整改不计入，单元格改动后重新打开。</Caption1>
        )}
      </div>
      {review.message && (
        <MessageBar intent={review.message.intent} data-testid="review-message">
          <MessageBarBody>{review.message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
