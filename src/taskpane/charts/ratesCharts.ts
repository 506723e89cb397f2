/**
 * The charts of the 执行率汇总 sheet for the pane: the sheet is built exactly as `engine.writeRatesSheet` builds it
 * (tables + the workbook's 补充信息), and its ChartSpecs are resolved against its own cells (chartData.ts);
 * 补充信息 inputs still empty in the workbook are missing values, not 0. The rate engine is loaded on first use,
 * in the same webpack chunk as engine.ts loads it ("features").
 */
import type { LoadedWorkbook } from '../engine';
import { readSupplement } from '../../supplement/sheet';
import { blankInSnapshot, ChartData, sheetCharts } from './chartData';

export async function ratesCharts(data: LoadedWorkbook): Promise<ChartData[]> {
  const { buildRatesSheet } = await import(/* webpackChunkName: "features" */ '../../rates');
  const spec = buildRatesSheet(data.accounts, readSupplement(data.snapshot, data.accounts));
  // An empty 补充信息 input is computed as 0 in the sheet; the pane shows it as not filled.
  return sheetCharts(spec, blankInSnapshot(data.snapshot));
}
