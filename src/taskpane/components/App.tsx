/**
 * The task pane. Inside Excel it reads the open workbook; in a plain browser it reads an .xlsx chosen by the
 * user (or the example workbook) and shows a read-only preview of the sheets. All reading goes through
 * ../engine; this file only keeps UI state.
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
import { splitRef } from '../../snapshot/address';
import { SourceBar } from './SourceBar';
import { FeatureBar } from './FeatureBar';
import { TablesView } from './TablesView';
import { SheetPreview, PreviewSelection } from './SheetPreview';

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
});

export interface AppProps {
  host: HostKind;
}

interface State {
  /** What is being read right now ("正在读取…"), if anything. */
  busy?: string;
  data?: LoadedWorkbook;
  /** The last read failed: a Chinese message. */
  error?: string;
  /** A failed selection in Excel (keeps the data on screen). */
  notice?: string;
  selection?: PreviewSelection;
}

export function App({ host }: AppProps): JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<State>({});

  const run = React.useCallback(async (busy: string, load: () => Promise<LoadedWorkbook>) => {
    setState((s) => ({ ...s, busy, error: undefined, notice: undefined }));
    try {
      const data = await load();
      setState({ data });
    } catch (e) {
      setState({ error: engine.errorMessage(e) });
    }
  }, []);

  const readExcel = React.useCallback(() => run('正在读取当前工作簿…', engine.loadFromExcel), [run]);

  React.useEffect(() => {
    if (host === 'excel') void readExcel();
  }, [host, readExcel]);

  const select = React.useCallback(
    async (ref: string) => {
      const parts = splitRef(ref);
      if (!parts) return;
      setState((s) => ({ ...s, notice: undefined, selection: { sheet: parts.sheet, range: parts.address, ref } }));
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

  const { data, busy, error, notice, selection } = state;

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

        <FeatureBar />

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

        {data && !busy && (
          <TablesView accounts={data.accounts} selectedRef={selection?.ref} onSelect={(ref) => void select(ref)} host={host} />
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

