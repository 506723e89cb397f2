/**
 * A column chart (vertical bars) or bar chart (horizontal bars) as plain SVG: value axis from 0 with round ticks
 * and the unit 万元, every bar labelled with its value (2 decimals), a legend when there are several series, and
 * "未填写" where a value is missing (no bar is drawn for it). Dumb rendering of a ChartData.
 */
import * as React from 'react';
import { ChartData, isLastYear, moneyText, tickText, valueScale } from './chartData';
import { CHART_WIDTH, chartColor, textWidth, wrapText } from './svgText';

const HEIGHT = 220;
const FONT = 11;
const SMALL = 10;
const AXIS = '#605E5C';
const GRID = '#E1DFDD';
const TEXT = '#242424';
const MUTED = '#8A8886';

interface Legend {
  height: number;
  node: React.ReactNode;
}

/** Centred legend rows (swatch + name), wrapped to the width. */
function legend(data: ChartData, y: number): Legend {
  if (data.series.length < 2) return { height: 0, node: null };
  const items = data.series.map((s, i) => ({ name: s.name, i, w: 14 + textWidth(s.name, SMALL) + 14 }));
  const rows: (typeof items)[] = [[]];
  let rowW = 0;
  for (const it of items) {
    if (rowW + it.w > CHART_WIDTH - 16 && rows[rows.length - 1].length) {
      rows.push([]);
      rowW = 0;
    }
    rows[rows.length - 1].push(it);
    rowW += it.w;
  }
  const node = (
    <g data-testid="chart-legend">
      {rows.map((row, r) => {
        const total = row.reduce((a, it) => a + it.w, 0) - 14;
        let x = (CHART_WIDTH - total) / 2;
        const cy = y + r * 16 + 8;
        return row.map((it) => {
          const gx = x;
          x += it.w;
          return (
            <g key={it.i}>
              <rect x={gx} y={cy - 5} width={10} height={10} rx={1.5} fill={chartColor(it.i)} />
              <text x={gx + 14} y={cy} dominantBaseline="central" fontSize={SMALL} fill={TEXT}>
                {it.name}
              </text>
            </g>
          );
        });
      })}
    </g>
  );
  return { height: rows.length * 16 + 4, node };
}

interface BarMark {
  key: string;
  series: number;
  category: number;
  value: number | null;
  name: string;
  seriesName: string;
}

function marks(data: ChartData): BarMark[] {
  const out: BarMark[] = [];
  data.categories.forEach((name, c) =>
    data.series.forEach((s, k) => out.push({ key: `${c}-${k}`, series: k, category: c, value: s.values[c] ?? null, name, seriesName: s.name })),
  );
  return out;
}

function missingLabel(data: ChartData, k: number): string {
  return isLastYear(data.series[k], data.series) ? '未填写' : '无数据';
}

export function BarChart({ data }: { data: ChartData }): JSX.Element {
  return data.type === 'bar' ? <HorizontalBars data={data} /> : <Columns data={data} />;
}

function Columns({ data }: { data: ChartData }): JSX.Element {
  const scale = valueScale(data.series.flatMap((s) => s.values));
  const tickLabels = scale.ticks.map((t) => tickText(t, scale.step));
  const left = 8 + Math.max(...tickLabels.map((t) => textWidth(t, SMALL)), textWidth('万元', SMALL)) + 6;
  const right = CHART_WIDTH - 8;
  const nCat = Math.max(1, data.categories.length);
  const slot = (right - left) / nCat;
  const nSer = Math.max(1, data.series.length);
  const gap = 6;
  const barW = Math.min(44, (slot * 0.72 - gap * (nSer - 1)) / nSer);
  // Values wider than a bar (many categories and series) stand upright above their bars instead of overlapping.
  const labels = data.series.flatMap((s) => s.values.map((v) => (v === null ? missingLabel(data, 0) : moneyText(v))));
  const labelW = Math.max(0, ...labels.map((l) => textWidth(l, SMALL)));
  const upright = labelW > barW + gap - 2;
  const top = upright ? 16 + labelW : 26;
  const catLines = data.categories.map((c) => wrapText(c, slot - 6, FONT, 2));
  const catHeight = Math.max(1, ...catLines.map((l) => l.length)) * (FONT + 3);
  const lg = legend(data, 0); // measured first, placed below the category labels
  const bottom = HEIGHT - 8 - lg.height - catHeight - 6;
  const y = (v: number) => bottom - ((v - scale.min) / (scale.max - scale.min)) * (bottom - top);
  const groupW = barW * nSer + gap * (nSer - 1);
  const legendNode = legend(data, bottom + 6 + catHeight + 6).node;
  return (
    <>
      <text x={4} y={12} fontSize={SMALL} fill={MUTED}>
        万元
      </text>
      {scale.ticks.map((t, i) => (
        <g key={t}>
          <line x1={left} x2={right} y1={y(t)} y2={y(t)} stroke={t === 0 ? AXIS : GRID} strokeWidth={1} shapeRendering="crispEdges" />
          <text x={left - 5} y={y(t)} textAnchor="end" dominantBaseline="central" fontSize={SMALL} fill={MUTED}>
            {tickLabels[i]}
          </text>
        </g>
      ))}
      {marks(data).map((m) => {
        const x = left + slot * m.category + (slot - groupW) / 2 + m.series * (barW + gap);
        const cx = x + barW / 2;
        if (m.value === null) {
          // No bar: a dashed stub in the series' colour on the axis, and why.
          return (
            <g key={m.key} data-testid="chart-missing" data-category={m.name} data-series={m.seriesName}>
              <rect x={x + 0.5} y={y(0) - 14} width={barW - 1} height={14} fill="none" stroke={chartColor(m.series)} strokeDasharray="3 2" />
              <ValueText x={cx} y={y(0) - 18} upright={upright} fill={MUTED}>
                {missingLabel(data, m.series)}
              </ValueText>
            </g>
          );
        }
        const y0 = y(0);
        const y1 = y(m.value);
        const h = Math.abs(y0 - y1);
        const label = moneyText(m.value);
        return (
          <g key={m.key} data-testid="chart-bar" data-category={m.name} data-series={m.seriesName} data-value={label}>
            <title>{`${m.name} ${m.seriesName}：${label} 万元`}</title>
            <rect x={x} y={Math.min(y0, y1)} width={barW} height={Math.max(h, m.value === 0 ? 0 : 1)} fill={chartColor(m.series)} />
            {upright ? (
              <ValueText x={cx} y={(m.value >= 0 ? Math.min(y0, y1) : y0) - 4} upright fill={TEXT} testId="chart-value">
                {label}
              </ValueText>
            ) : (
              <ValueText x={cx} y={m.value >= 0 ? Math.min(y0, y1) - 4 : Math.max(y0, y1) + 11} upright={false} fill={TEXT} testId="chart-value">
                {label}
              </ValueText>
            )}
          </g>
        );
      })}
      {catLines.map((lines, c) => (
        <text key={c} x={left + slot * c + slot / 2} y={bottom + 6} textAnchor="middle" fontSize={FONT} fill={TEXT} data-testid="chart-category">
          {lines.map((l, i) => (
            <tspan key={i} x={left + slot * c + slot / 2} dy={i === 0 ? FONT : FONT + 3}>
              {l}
            </tspan>
          ))}
        </text>
      ))}
      {legendNode}
    </>
  );
}

/** A label above a column: centred, or upright (read bottom to top) starting at `y`. */
function ValueText({ x, y, upright, fill, testId, children }: { x: number; y: number; upright: boolean; fill: string; testId?: string; children: string }): JSX.Element {
  return upright ? (
    <text x={x} y={y} transform={`rotate(-90 ${x} ${y})`} dominantBaseline="central" fontSize={SMALL} fill={fill} data-testid={testId}>
      {children}
    </text>
  ) : (
    <text x={x} y={y} textAnchor="middle" fontSize={SMALL} fill={fill} data-testid={testId}>
      {children}
    </text>
  );
}

function HorizontalBars({ data }: { data: ChartData }): JSX.Element {
  const scale = valueScale(data.series.flatMap((s) => s.values), 3);
  const tickLabels = scale.ticks.map((t) => tickText(t, scale.step));
  const nCat = Math.max(1, data.categories.length);
  const nSer = Math.max(1, data.series.length);
  const labelW = Math.min(110, Math.max(...data.categories.map((c) => textWidth(c, FONT)), 20));
  const left = 8 + labelW + 6;
  const values = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const right = CHART_WIDTH - 8 - Math.max(30, ...values.map((v) => textWidth(moneyText(v), SMALL) + 4)); // room for the value at the bar's end
  const top = 22;
  const lg = legend(data, 0);
  const bottom = chartHeight(data) - 8 - lg.height - 16;
  const slot = (bottom - top) / nCat;
  const gap = 3;
  const barH = Math.min(22, (slot * 0.72 - gap * (nSer - 1)) / nSer);
  const groupH = barH * nSer + gap * (nSer - 1);
  const x = (v: number) => left + ((v - scale.min) / (scale.max - scale.min)) * (right - left);
  return (
    <>
      <text x={right} y={12} textAnchor="end" fontSize={SMALL} fill={MUTED}>
        万元
      </text>
      {scale.ticks.map((t, i) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top} y2={bottom} stroke={t === 0 ? AXIS : GRID} strokeWidth={1} shapeRendering="crispEdges" />
          <text x={x(t)} y={bottom + 12} textAnchor="middle" fontSize={SMALL} fill={MUTED}>
            {tickLabels[i]}
          </text>
        </g>
      ))}
      {data.categories.map((c, i) => {
        const lines = wrapText(c, labelW, FONT, 2);
        const cy = top + slot * i + slot / 2;
        return (
          <text key={i} x={left - 6} y={cy - ((lines.length - 1) * (FONT + 2)) / 2} textAnchor="end" dominantBaseline="central" fontSize={FONT} fill={TEXT} data-testid="chart-category">
            {lines.map((l, k) => (
              <tspan key={k} x={left - 6} dy={k === 0 ? 0 : FONT + 2}>
                {l}
              </tspan>
            ))}
          </text>
        );
      })}
      {marks(data).map((m) => {
        const yTop = top + slot * m.category + (slot - groupH) / 2 + m.series * (barH + gap);
        const cy = yTop + barH / 2;
        if (m.value === null) {
          return (
            <g key={m.key} data-testid="chart-missing" data-category={m.name} data-series={m.seriesName}>
              <rect x={x(0)} y={yTop + 0.5} width={16} height={barH - 1} fill="none" stroke={chartColor(m.series)} strokeDasharray="3 2" />
              <text x={x(0) + 20} y={cy} dominantBaseline="central" fontSize={SMALL} fill={MUTED}>
                {missingLabel(data, m.series)}
              </text>
            </g>
          );
        }
        const x0 = x(0);
        const x1 = x(m.value);
        const label = moneyText(m.value);
        return (
          <g key={m.key} data-testid="chart-bar" data-category={m.name} data-series={m.seriesName} data-value={label}>
            <title>{`${m.name} ${m.seriesName}：${label} 万元`}</title>
            <rect x={Math.min(x0, x1)} y={yTop} width={Math.max(Math.abs(x1 - x0), m.value === 0 ? 0 : 1)} height={barH} fill={chartColor(m.series)} />
            <text x={m.value >= 0 ? Math.max(x0, x1) + 4 : Math.min(x0, x1) - 4} y={cy} textAnchor={m.value >= 0 ? 'start' : 'end'} dominantBaseline="central" fontSize={SMALL} fill={TEXT} data-testid="chart-value">
              {label}
            </text>
          </g>
        );
      })}
      {legend(data, bottom + 20).node}
    </>
  );
}

/** The SVG height of a column/bar chart. */
export function chartHeight(data: ChartData): number {
  if (data.type !== 'bar') return HEIGHT;
  const rows = Math.max(1, data.categories.length) * Math.max(1, data.series.length);
  return Math.max(HEIGHT, 22 + rows * 26 + 40);
}
