/**
 * The task pane. Inside Excel it reads the open workbook; in a plain browser it reads an .xlsx chosen by the
 * user (or the example workbook) and shows a read-only preview of the sheets. 表格 lists the tables, 校验 runs the
 * rules and lists the findings (inside Excel also 在工作簿中标注 / 清除标注); 补充信息, 生成说明 and 执行率汇总 write
 * the add-in's own sheets (inside Excel into the workbook, in the browser into a downloadable copy) and 核对说明
 * checks a narrative someone wrote. All reading, checking and writing goes through ../engine; this file only keeps
 * UI state.
 */
import * as React from 'react';
import {
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { HostKind } from '../host';
import * as engine from '../engine';
import { LoadedWorkbook } from '../engine';
import { CheckReport, FindingItem, markResultText, unmarkResultText } from '../checkView';
import { splitRef } from '../../snapshot/address';
import { SourceBar } from './SourceBar';
import { FeatureBar, FeatureView } from './FeatureBar';
import { CheckView } from './CheckView';
import { TablesView } from './TablesView';
import { SheetPreview, PreviewSelection } from './SheetPreview';
import { SupplementView } from './SupplementView';
import { NarrativeView } from './NarrativeView';
import { RatesView } from './RatesView';
import { AuditView } from './AuditView';
import { ResultBar } from './ResultBar';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '12px',
    boxSizing: 'border-box',
    '@media (min-width: 960px)': {
      flexDirection: 'row',
      alignItems: 'flex-start',
    },
  },
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    minWidth: 0,
    '@media (min-width: 960px)': {
      width: '460px',
      flexShrink: 0,
    },
  },
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    paddingBottom: '8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  preview: {
    flexGrow: 1,
    minWidth: 0,
  },
  hidden: { display: 'none' },
});

export interface AppProps {
  host: HostKind;
}

interface State {
  /**
   * Counts the workbooks read by the user (file, example, 重新读取): the feature views start afresh for each one,
   * but keep their results when the add-in itself writes a sheet and reads the workbook again.
   */
  session: number;
  /** What is being read right now ("正在读取…"), if anything. */
  busy?: string;
  data?: LoadedWorkbook;
  /** The last read failed: a Chinese message. */
  error?: string;
  /** A failed selection in Excel (keeps the data on screen). */
  notice?: string;
  selection?: PreviewSelection;
  view: FeatureView;
  /** 校验 results for `data`. */
  report?: CheckReport;
  checking?: boolean;
  checkError?: string;
  /** Inside Excel: the workbook carries marks; what marking did last. */
  marks: { present: boolean; busy?: string; message?: { intent: 'success' | 'error' | 'info'; text: string } };
}

const NO_MARKS: State['marks'] = { present: false };

export function App({ host }: AppProps): JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<State>({ session: 0, view: 'tables', marks: NO_MARKS });
  const viewRef = React.useRef<FeatureView>(state.view);
  viewRef.current = state.view;
  const markSupport = React.useMemo(() => (host === 'excel' ? engine.markSupport() : null), [host]);

  const check = React.useCallback(async (data: LoadedWorkbook) => {
    setState((s) => ({ ...s, view: 'check', checking: true, checkError: undefined }));
    try {
      const report = await engine.checkWorkbook(data);
      setState((s) => (s.data === data ? { ...s, report, checking: false } : s));
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      setState((s) => (s.data === data ? { ...s, checking: false, checkError: `校验时出错：${msg}` } : s));
    }
  }, []);

  const run = React.useCallback(
    async (busy: string, load: () => Promise<LoadedWorkbook>) => {
      setState((s) => ({ ...s, busy, error: undefined, notice: undefined }));
      let data: LoadedWorkbook;
      try {
        data = await load();
      } catch (e) {
        setState((s) => ({ session: s.session + 1, view: s.view, marks: NO_MARKS, error: engine.errorMessage(e) }));
        return;
      }
      setState((s) => ({ session: s.session + 1, view: s.view, data, marks: { present: engine.hasMarks(data.snapshot) } }));
      // Reading again while on 校验 checks the new workbook straight away.
      if (viewRef.current === 'check') void check(data);
    },
    [check],
  );

  const readExcel = React.useCallback(() => run('正在读取当前工作簿…', engine.loadFromExcel), [run]);

  /** The add-in wrote a sheet and read the workbook again: keep the view, show the sheet written (browser preview). */
  const replaceData = React.useCallback((data: LoadedWorkbook, sheet?: string) => {
    setState((s) => ({
      ...s,
      data,
      marks: { ...s.marks, present: engine.hasMarks(data.snapshot) },
      selection: sheet ? { sheet } : s.selection,
    }));
  }, []);

  React.useEffect(() => {
    if (host === 'excel') void readExcel();
  }, [host, readExcel]);

  const select = React.useCallback(
    async (ref: string) => {
      const parts = splitRef(ref);
      if (!parts) return;
      setState((s) => ({ ...s, notice: undefined, selection: { sheet: parts.sheet, ranges: [parts.address], ref } }));
      if (host === 'excel') {
        try {
          await engine.selectInExcel([ref]);
        } catch (e) {
          setState((s) => ({ ...s, notice: `无法在 Excel 中选中 ${ref}：${engine.errorMessage(e)}` }));
        }
      }
    },
    [host],
  );

  const selectFinding = React.useCallback(
    async (item: FindingItem) => {
      const target = item.target;
      setState((s) => ({
        ...s,
        notice: undefined,
        selection: target ? { sheet: target.sheet, ranges: target.ranges, ref: item.key } : { sheet: s.selection?.sheet ?? '', ref: item.key },
      }));
      if (host === 'excel' && target) {
        try {
          await engine.selectInExcel(item.finding.cells);
        } catch (e) {
          setState((s) => ({ ...s, notice: `无法在 Excel 中选中 ${item.finding.cells[0]}：${engine.errorMessage(e)}` }));
        }
      }
    },
    [host],
  );

  const mark = React.useCallback(async () => {
    const report = state.report;
    if (!report) return;
    const findings = report.groups.flatMap((g) => g.items.map((i) => i.finding));
    setState((s) => ({ ...s, marks: { present: s.marks.present, busy: '正在标注…' } }));
    try {
      const result = await engine.markInExcel(findings);
      setState((s) => ({
        ...s,
        marks: { present: result.cells > 0, message: { intent: result.cells > 0 ? 'success' : 'info', text: markResultText(result) } },
      }));
    } catch (e) {
      // The record sheet may have been written before the failure: keep 清除标注 available.
      setState((s) => ({ ...s, marks: { present: true, message: { intent: 'error', text: engine.errorMessage(e) } } }));
    }
  }, [state.report]);

  const unmark = React.useCallback(async () => {
    setState((s) => ({ ...s, marks: { present: s.marks.present, busy: '正在清除标注…' } }));
    try {
      const result = await engine.unmarkInExcel();
      setState((s) => ({ ...s, marks: { present: false, message: { intent: result.found ? 'success' : 'info', text: unmarkResultText(result) } } }));
    } catch (e) {
      setState((s) => ({ ...s, marks: { present: s.marks.present, message: { intent: 'error', text: engine.errorMessage(e) } } }));
    }
  }, []);

  const { session, data, busy, error, notice, selection, view, report, checking, checkError, marks } = state;
  const result = host === 'browser' ? engine.resultWorkbook(data) : null;
  const ready = !!data && !busy;

  return (
    <div className={styles.page} data-testid="app">
      <div className={styles.pane}>
        <header className={styles.header}>
          <Subtitle1 as="h1">决算助手</Subtitle1>
          <Caption1 className={styles.muted}>
            {host === 'excel' ? '读取当前工作簿中的部门决算公开表' : '浏览器模式：打开 .xlsx 工作簿，查看其中的部门决算公开表'}
          </Caption1>
        </header>

        <SourceBar
          host={host}
          busy={!!busy}
          onFile={(file) => void run(`正在读取“${file.name}”…`, () => engine.loadFromFile(file))}
          onSample={() => void run('正在载入示例工作簿…', () => engine.loadSample())}
          onReread={() => void readExcel()}
          accounts={data?.accounts}
        />

        <FeatureBar
          view={view}
          hasData={!!data && !busy}
          busy={!!checking}
          onTables={() => setState((s) => ({ ...s, view: 'tables' }))}
          onCheck={() => data && void check(data)}
          onView={(v) => setState((s) => ({ ...s, view: v }))}
        />

        {result && !busy && <ResultBar result={result} />}

        {busy && <Spinner size="small" label={busy} labelPosition="after" />}

        {error && (
          <MessageBar intent="error" data-testid="read-error">
            <MessageBarBody>
              <MessageBarTitle>读取失败</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}

        {notice && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}

        {data && !busy && view === 'tables' && (
          <TablesView accounts={data.accounts} selectedRef={selection?.ref} onSelect={(ref) => void select(ref)} host={host} />
        )}

        {data && !busy && view === 'check' && checking && <Spinner size="small" label="正在校验…" labelPosition="after" />}

        {data && !busy && view === 'check' && checkError && (
          <MessageBar intent="error" data-testid="check-error">
            <MessageBarBody>{checkError}</MessageBarBody>
          </MessageBar>
        )}

        {data && !busy && view === 'check' && report && !checking && (
          <CheckView
            report={report}
            host={host}
            selectedKey={selection?.ref}
            onSelect={(item) => void selectFinding(item)}
            mark={
              host === 'excel' && markSupport
                ? { support: markSupport, ...marks, onMark: () => void mark(), onUnmark: () => void unmark() }
                : undefined
            }
            review={{ data, onData: replaceData }}
          />
        )}

        {ready && (
          <>
            <div className={view === 'supplement' ? undefined : styles.hidden}>
              <SupplementView key={session} data={data} host={host} onData={replaceData} />
            </div>
            <div className={view === 'narrative' ? undefined : styles.hidden}>
              <NarrativeView key={session} data={data} host={host} onData={replaceData} />
            </div>
            <div className={view === 'rates' ? undefined : styles.hidden}>
              <RatesView key={session} data={data} host={host} active={view === 'rates'} onData={replaceData} />
            </div>
            <div className={view === 'audit' ? undefined : styles.hidden}>
              <AuditView key={session} data={data} host={host} selectedKey={selection?.ref} onSelect={(item) => void selectFinding(item)} />
            </div>
          </>
        )}

        {!data && !busy && !error && (
          <Body1 className={styles.muted}>
            {host === 'excel' ? '点击“重新读取”读取当前工作簿。' : '请打开一个 .xlsx 工作簿，或载入示例工作簿。'}
          </Body1>
        )}
      </div>

      {host === 'browser' && data && !busy && (
        <div className={styles.preview}>
          <SheetPreview
            snapshot={data.snapshot}
            selection={selection}
            onSheetChange={(sheet) => setState((s) => ({ ...s, selection: { sheet } }))}
          />
        </div>
      )}
    </div>
  );
}

