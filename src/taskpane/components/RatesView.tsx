/**
 * 执行率汇总: the rates computed from the tables and 补充信息, grouped as the 执行率汇总 sheet groups them — each with
 * its result, flagged in red when outside its rule, in grey with the reason when it cannot be computed — and the
 * button that writes the sheet (with its charts), and under the rates the same seven charts the sheet carries, drawn
 * in SVG (../charts). Renders what engine.ts and ../charts/ratesCharts return.
 */
import * as React from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { HostKind } from '../host';
import * as engine from '../engine';
import { LoadedWorkbook } from '../engine';
import { RateGroupView, RateRow, RATES_SHEET, RatesView as RatesViewModel, ratesWrittenText } from '../ratesView';
import { Notices, WriteMessage } from './Notices';
import { ChartData } from '../charts/chartData';
import { ChartsSection } from '../charts/Charts';
import { ratesCharts } from '../charts/ratesCharts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  muted: { color: tokens.colorNeutralForeground3 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  group: { display: 'flex', flexDirection: 'column', gap: '2px' },
  groupHead: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    paddingBottom: '2px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column' },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: '1px',
    padding: '4px 2px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  line: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: '12px' },
  name: { minWidth: 0, overflowWrap: 'anywhere' },
  value: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  flagged: { color: tokens.colorPaletteRedForeground1 },
  flaggedRow: { backgroundColor: tokens.colorPaletteRedBackground1, boxShadow: `inset 3px 0 0 ${tokens.colorPaletteRedBorder2}`, paddingLeft: '6px' },
  na: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  reason: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  conclusion: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
});

export interface RatesViewProps {
  data: LoadedWorkbook;
  host: HostKind;
  /** The view is on screen (rates are computed when it first is, and again for each new read). */
  active: boolean;
  onData: (data: LoadedWorkbook, sheet?: string) => void;
}

export function RatesView({ data, host, active, onData }: RatesViewProps): JSX.Element {
  const styles = useStyles();
  const [view, setView] = React.useState<{ for: LoadedWorkbook; rates: RatesViewModel }>();
  const [error, setError] = React.useState<string>();
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<WriteMessage>();
  const [charts, setCharts] = React.useState<{ for: LoadedWorkbook; charts?: ChartData[]; error?: string }>();

  React.useEffect(() => {
    if (!active || view?.for === data) return;
    let alive = true;
    setError(undefined);
    engine.ratesOf(data).then(
      (rates) => alive && setView({ for: data, rates }),
      (e) => alive && setError(engine.errorMessage(e, '计算执行率时出错')),
    );
    return () => {
      alive = false;
    };
  }, [active, data, view]);

  // The charts of the sheet as it would be written from this read (tables + 补充信息), once per read.
  React.useEffect(() => {
    if (!active || charts?.for === data) return;
    let alive = true;
    ratesCharts(data).then(
      (list) => alive && setCharts({ for: data, charts: list }),
      (e) => alive && setCharts({ for: data, error: engine.errorMessage(e, '生成图表时出错') }),
    );
    return () => {
      alive = false;
    };
  }, [active, data, charts]);

  const write = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const out = await engine.writeRatesSheet(data);
      setMessage({ intent: 'success', text: ratesWrittenText(out.charts, host), skipped: out.skipped });
      setView({ for: out.data, rates: out.view });
      onData(out.data, out.sheets?.[0] ?? RATES_SHEET);
    } catch (e) {
      setMessage({ intent: 'error', text: engine.errorMessage(e, '写入“执行率汇总”工作表时出错') });
    } finally {
      setBusy(false);
    }
  };

  const rates = view?.rates;
  const exists = engine.hasSheet(data, RATES_SHEET);
  return (
    <div className={styles.root} data-testid="rates-view">
      <Caption1 className={styles.muted}>按决算表和“补充信息”计算的执行率、控制率和收支结构，写入“执行率汇总”工作表时附带图表。</Caption1>

      <section className={styles.panel} aria-label="写入执行率汇总">
        <div className={styles.actions}>
          <Button appearance="primary" size="small" disabledFocusable={busy || !rates} onClick={busy || !rates ? undefined : () => void write()} data-testid="rates-button">
            {exists ? '更新“执行率汇总”工作表' : '写入“执行率汇总”工作表'}
          </Button>
          {busy && <Spinner size="extra-tiny" label="正在写入…" labelPosition="after" />}
        </div>
        <Caption1 className={styles.muted}>
          表中的结果是公式，引用决算表和“补充信息”的单元格；{host === 'browser' ? '写入的是下载用的结果工作簿，原文件不会改动。' : '只会改写“执行率汇总”这一张表。'}
        </Caption1>
      </section>

      <Notices message={message} testId="rates-message" />

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!rates && !error && <Spinner size="small" label="正在计算…" labelPosition="after" />}

      {rates && (
        <>
          <MessageBar intent={rates.flagged ? 'warning' : 'info'} data-testid="rates-summary" layout="multiline">
            <MessageBarBody>{rates.summary}</MessageBarBody>
          </MessageBar>
          {rates.supplementMissing && (
            <Caption1 className={styles.muted}>
              工作簿中还没有“补充信息”工作表：依赖预算数、编制数、上年数的指标无法计算，可先在“补充信息”中添加并填写。
            </Caption1>
          )}
          {rates.groups.map((g) => (
            <Group key={g.name} group={g} />
          ))}
          <ChartsSection charts={charts?.for === data ? charts.charts : undefined} error={charts?.for === data ? charts.error : undefined} />
        </>
      )}
    </div>
  );
}

function Group({ group }: { group: RateGroupView }): JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.group} aria-label={group.name} data-testid="rate-group">
      <div className={styles.groupHead}>
        <Subtitle2 as="h2">{group.name}</Subtitle2>
        {group.flagged > 0 && (
          <Badge appearance="filled" color="danger" size="small">
            超出 {group.flagged}
          </Badge>
        )}
      </div>
      <ul className={styles.list}>
        {group.rows.map((r) => (
          <Rate key={r.id} row={r} />
        ))}
      </ul>
    </section>
  );
}

function Rate({ row }: { row: RateRow }): JSX.Element {
  const styles = useStyles();
  const flagged = row.status === 'flagged';
  const na = row.status === 'not-computable';
  return (
    <li
      className={mergeClasses(styles.row, flagged && styles.flaggedRow)}
      data-testid="rate"
      data-id={row.id}
      data-status={row.status}
      title={row.standard ? `判断标准：${row.standard}` : undefined}
    >
      <div className={styles.line}>
        <Body1 className={mergeClasses(styles.name, na && styles.na)} data-col="name">
          {row.name}
        </Body1>
        <Body1 className={mergeClasses(styles.value, flagged && styles.flagged, na && styles.na)} data-col="value">
          {flagged && '⚠ '}
          {row.value}
        </Body1>
      </div>
      {na && row.reason && (
        <Caption1 className={styles.reason} data-col="reason">
          {row.reason}
        </Caption1>
      )}
      {flagged && (
        <Caption1 className={styles.conclusion} data-col="conclusion">
          {row.conclusion || '超出标准'}
          {row.standard ? `（标准 ${row.standard}）` : ''}
        </Caption1>
      )}
    </li>
  );
}
