/**
 * Bundled into a plain script (harness.ts fakeExcelScript) and run in the page before the task pane's own scripts:
 * Office.js "inside Excel" over the faithful fake of test/fakes/fakeExcel.ts — batch semantics, owned
 * sheets, styles, charts, notes — so the task pane's writes (writeSheetSpec) run against the same fake as the
 * adapter's jest tests. The workbook model is window.__excelModel; every Excel.run gets a new context on it.
 */
import { FakeContext, FakeSheetSpec, FakeWorkbookModel } from '../fakes/fakeExcel';

interface Host {
  __installFakeExcel?: (sheets: FakeSheetSpec[], excelApi?: string) => void;
  __excelModel?: FakeWorkbookModel;
  __excelRuns?: number;
  Office?: unknown;
  Excel?: unknown;
}

const w = window as unknown as Host;

w.__installFakeExcel = (sheets: FakeSheetSpec[], excelApi = '1.18') => {
  const model = new FakeWorkbookModel();
  model.excelApi = excelApi;
  for (const s of sheets) model.addSheet(s);
  const minor = (v: string) => Number(String(v).split('.')[1] ?? 0);
  w.__excelModel = model;
  w.__excelRuns = 0;
  w.Office = {
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
    context: { requirements: { isSetSupported: (set: string, v: string) => set === 'ExcelApi' && minor(v) <= minor(excelApi) } },
  };
  w.Excel = {
    run: async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
      w.__excelRuns!++;
      return batch(new FakeContext(model));
    },
  };
};
