/**
 * 补充信息: whether the workbook has the 补充信息 sheet and how much of it is filled (in all and per group), and the
 * button that adds it or refreshes it (values already typed are kept). Renders what engine.ts returns.
 */
import * as React from 'react';
import {
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
import type { HostKind } from '../host';
import * as engine from '../engine';
import { LoadedWorkbook } from '../engine';
import { filledText, supplementHint, supplementWrittenText } from '../supplementView';
import { Notices, WriteMessage } from './Notices';
import { PriorImport } from './PriorImport';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  muted: { color: tokens.colorNeutralForeground3 },
  status: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  groups: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column' },
  group: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: '12px',
    padding: '3px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  count: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  nowrap: { whiteSpace: 'nowrap' },
});

export interface SupplementViewProps {
  data: LoadedWorkbook;
  host: HostKind;
  /** The workbook was written and read again; `sheet` is the one to show. */
  onData: (data: LoadedWorkbook, sheet?: string) => void;
}

export function SupplementView({ data, host, onData }: SupplementViewProps): JSX.Element {
  const styles = useStyles();
  const status = React.useMemo(() => engine.supplementInfo(data), [data]);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<WriteMessage>();

  const write = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const out = await engine.addSupplementSheet(data);
      setMessage({ intent: 'success', text: supplementWrittenText(out.written, host), detail: supplementHint(host), skipped: out.skipped });
      onData(out.data, engine.SUPPLEMENT_SHEET);
    } catch (e) {
      setMessage({ intent: 'error', text: engine.errorMessage(e, '写入“补充信息”工作表时出错') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root} data-testid="supplement-view">
      <Caption1 className={styles.muted}>
        “补充信息”工作表用来填写决算表中没有、而情况说明和执行率需要的数据：上年决算数、预算数、人员、车辆、接待、采购和各项变动原因。
      </Caption1>

      <section className={styles.status} aria-label="补充信息填写情况" data-testid="supplement-status" data-filled={status.filled} data-total={status.total}>
        {status.present ? (
          <Body1>
            工作簿中已有“补充信息”工作表：<strong className={styles.nowrap}>{filledText(status)}</strong>
          </Body1>
        ) : (
          <Body1>工作簿中还没有“补充信息”工作表（共 {status.total} 项待填写）。</Body1>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" size="small" disabledFocusable={busy} onClick={busy ? undefined : () => void write()} data-testid="supplement-button">
            {status.present ? '刷新“补充信息”工作表' : '添加“补充信息”工作表'}
          </Button>
          {busy && <Spinner size="extra-tiny" label="正在写入…" labelPosition="after" />}
        </div>
        <Caption1 className={styles.muted}>
          {status.present ? '刷新时原有内容（填写的数、公式、备注、格式和您添加的行）一字不改，只在末尾补上决算表中新增的项目。' : '单位名称和年度会从决算表中预先填好。'}
          {host === 'browser' && '写入的是下载用的结果工作簿，原文件不会改动。'}
        </Caption1>
      </section>

      <PriorImport data={data} onData={onData} />

      <Notices message={message} testId="supplement-message" />

      {status.problems.length > 0 && (
        <MessageBar intent="warning" data-testid="supplement-problems">
          <MessageBarBody>
            <MessageBarTitle>有 {status.problems.length} 项填写无法识别</MessageBarTitle>
            {status.problems.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}

      {status.present && (
        <section aria-label="各组填写情况">
          <Subtitle2 as="h2">各组填写情况</Subtitle2>
          <ul className={styles.groups} data-testid="supplement-groups">
            {status.groups.map((g) => (
              <li key={g.name} className={styles.group}>
                <Body1>{g.name}</Body1>
                <span className={g.filled === g.total ? styles.done : styles.count}>
                  {g.filled} / {g.total}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
