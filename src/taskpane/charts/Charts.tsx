/**
 * The 执行率汇总 charts in the pane: one card per chart (title, SVG with role="img" and the title as its name, and
 * a note for what could not be drawn), stacked in a collapsible "图表" section. Renders ChartData only.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1Strong,
  Caption1,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ChartData, isEmptyChart, missingNotes, moneyText, pieSlices } from './chartData';
import { BarChart, chartHeight } from './BarChart';
import { PieChart, pieHeight } from './PieChart';
import { CHART_FONT, CHART_WIDTH } from './svgText';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '10px', paddingTop: '4px' },
  card: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '8px 8px 6px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: '440px',
    boxSizing: 'border-box',
  },
  title: { textAlign: 'center', fontFamily: CHART_FONT, overflowWrap: 'anywhere' },
  svg: { display: 'block', width: '100%', height: 'auto', fontFamily: CHART_FONT, overflow: 'visible' },
  note: { color: tokens.colorPaletteDarkOrangeForeground1, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  header: { fontWeight: tokens.fontWeightSemibold },
});

const EMPTY_HEIGHT = 72;

/** One chart: title, picture, notes. */
export function Chart({ data }: { data: ChartData }): JSX.Element {
  const styles = useStyles();
  const empty = isEmptyChart(data);
  const height = empty ? EMPTY_HEIGHT : data.type === 'pie' ? pieHeight(data) : chartHeight(data);
  const notes = empty ? [] : missingNotes(data);
  return (
    <figure className={styles.card} data-testid="chart" data-type={data.type} data-empty={empty ? 'true' : undefined}>
      <Body1Strong as="span" className={styles.title} data-testid="chart-title">
        {data.title}
      </Body1Strong>
      <svg
        className={styles.svg}
        role="img"
        aria-label={data.title}
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        width={CHART_WIDTH}
        height={height}
        xmlns="http://www.w3.org/2000/svg"
      >
        <desc>{describe(data, empty)}</desc>
        {empty ? (
          <text x={CHART_WIDTH / 2} y={EMPTY_HEIGHT / 2} textAnchor="middle" dominantBaseline="central" fontSize={13} fill="#8A8886" data-testid="chart-empty">
            无数据
          </text>
        ) : data.type === 'pie' ? (
          <PieChart data={data} />
        ) : (
          <BarChart data={data} />
        )}
      </svg>
      {notes.map((n) => (
        <Caption1 key={n} className={styles.note} data-testid="chart-note">
          {n}
        </Caption1>
      ))}
    </figure>
  );
}

/** What the picture shows, in words (the SVG's <desc>). */
function describe(data: ChartData, empty: boolean): string {
  if (empty) return '无数据';
  if (data.type === 'pie') return pieSlices(data).map((s) => `${s.name} ${s.percent}`).join('；');
  return data.categories
    .map((c, i) => `${c}：${data.series.map((s) => `${s.name} ${s.values[i] === null ? '未填写' : `${moneyText(s.values[i] as number)}万元`}`).join('，')}`)
    .join('；');
}

export interface ChartsSectionProps {
  charts?: ChartData[];
  error?: string;
}

/** The collapsible "图表" section under the rates (open at first). */
export function ChartsSection({ charts, error }: ChartsSectionProps): JSX.Element {
  const styles = useStyles();
  return (
    <Accordion collapsible defaultOpenItems="charts" data-testid="charts-section">
      <AccordionItem value="charts">
        <AccordionHeader expandIconPosition="end" data-testid="charts-toggle">
          <span className={styles.header}>图表{charts ? `（${charts.length}）` : ''}</span>
        </AccordionHeader>
        <AccordionPanel>
          <div className={styles.list} data-testid="charts">
            <Caption1 className={styles.muted}>与“执行率汇总”工作表中的图表相同，金额单位：万元。</Caption1>
            {error && <Caption1 className={styles.note}>{error}</Caption1>}
            {!charts && !error && <Spinner size="extra-tiny" label="正在生成图表…" labelPosition="after" />}
            {charts?.map((c, i) => <Chart key={`${i}-${c.title}`} data={c} />)}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
