/**
 * A pie chart as plain SVG: slices from 12 o'clock clockwise (as Excel draws them), zero and missing values left
 * out, the larger slices carrying their percent, and under the pie one label row per slice — swatch, name, amount
 * (万元) and "xx.xx%" of the sum. Dumb rendering of a ChartData (pieSlices does the arithmetic).
 */
import * as React from 'react';
import { ChartData, moneyText, PieSlice, pieSlices } from './chartData';
import { formatCellNumber } from '../../money/rounding';
import { CHART_WIDTH, chartColor, fitText, textWidth } from './svgText';

const R = 72;
const TOP = 8;
const ROW = 19;
const FONT = 11;
const TEXT = '#242424';
const MUTED = '#616161';

/** Text on a slice: dark on the light colours of the palette, white on the others. */
function onColor(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const lum = (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  return lum > 0.6 ? TEXT : '#FFFFFF';
}

export function pieHeight(data: ChartData): number {
  return TOP + 2 * R + 14 + Math.max(1, pieSlices(data).length) * ROW + 2;
}

function point(cx: number, cy: number, r: number, angle: number): [number, number] {
  // angle in turns from 12 o'clock, clockwise
  const a = angle * 2 * Math.PI;
  return [cx + r * Math.sin(a), cy - r * Math.cos(a)];
}

function slicePath(cx: number, cy: number, from: number, to: number): string {
  const [x0, y0] = point(cx, cy, R, from);
  const [x1, y1] = point(cx, cy, R, to);
  const large = to - from > 0.5 ? 1 : 0;
  const f = (n: number) => formatCellNumber(n, 2); // SVG coordinates, 2 decimals
  return `M${f(cx)} ${f(cy)}L${f(x0)} ${f(y0)}A${R} ${R} 0 ${large} 1 ${f(x1)} ${f(y1)}Z`;
}

export function PieChart({ data }: { data: ChartData }): JSX.Element {
  const slices = pieSlices(data);
  const cx = CHART_WIDTH / 2;
  const cy = TOP + R;
  let at = 0;
  const drawn = slices.map((s) => {
    const from = at;
    at += s.share;
    return { s, from, to: at };
  });
  const labelsTop = TOP + 2 * R + 14;
  const percentW = textWidth('100.00%', FONT);
  const amountW = Math.max(...slices.map((s) => textWidth(moneyText(s.value), FONT)), 0);
  const nameX = 30;
  const nameW = CHART_WIDTH - 8 - percentW - 10 - amountW - 10 - nameX;
  return (
    <>
      {drawn.map(({ s, from, to }) => (
        <g key={s.index} data-testid="pie-slice" data-name={s.name} data-percent={s.percent} data-value={moneyText(s.value)}>
          <title>{`${s.name} ${s.percent}（${moneyText(s.value)} 万元）`}</title>
          {s.share >= 0.99999 ? (
            <circle cx={cx} cy={cy} r={R} fill={chartColor(s.index)} />
          ) : (
            <path d={slicePath(cx, cy, from, to)} fill={chartColor(s.index)} stroke="#FFFFFF" strokeWidth={1} strokeLinejoin="round" />
          )}
          {s.share >= 0.1 && <SliceLabel slice={s} cx={cx} cy={cy} mid={s.share >= 0.99999 ? 0.5 : (from + to) / 2} />}
        </g>
      ))}
      {slices.map((s, i) => {
        const y = labelsTop + i * ROW + ROW / 2;
        return (
          <g key={s.index} data-testid="pie-label" data-label={`${s.name} ${s.percent}`}>
            <rect x={12} y={y - 5} width={10} height={10} rx={1.5} fill={chartColor(s.index)} />
            <text x={nameX} y={y} dominantBaseline="central" fontSize={FONT} fill={TEXT}>
              {fitText(s.name, nameW, FONT)}
            </text>
            <text x={CHART_WIDTH - 8 - percentW - 10} y={y} textAnchor="end" dominantBaseline="central" fontSize={FONT} fill={MUTED}>
              {moneyText(s.value)}
            </text>
            <text x={CHART_WIDTH - 8} y={y} textAnchor="end" dominantBaseline="central" fontSize={FONT} fontWeight={600} fill={TEXT}>
              {s.percent}
            </text>
          </g>
        );
      })}
    </>
  );
}

function SliceLabel({ slice, cx, cy, mid }: { slice: PieSlice; cx: number; cy: number; mid: number }): JSX.Element {
  const [x, y] = slice.share >= 0.99999 ? [cx, cy] : point(cx, cy, R * 0.6, mid);
  return (
    <text x={x} y={y} textAnchor="middle" dominantBaseline="central" fontSize={FONT} fontWeight={600} fill={onColor(chartColor(slice.index))} pointerEvents="none">
      {slice.percent}
    </text>
  );
}
