/**
 * 核对说明: a narrative someone already wrote — pasted, opened from a .txt/.docx file, or read from a sheet of the
 * workbook — checked against the tables and 补充信息. Shown: the summary, the findings grouped by severity with
 * the quoted fragment, the message and the cells (clicking one locates the cells like a 校验 finding), then the
 * figures left 未核对 with their reasons. Renders what engine.ts returns.
 */
import * as React from 'react';
import { useFocusOn } from './focus';
import { FindingRow, SEVERITY_COLOR } from './FindingRow';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Textarea,
  tokens,
  useId,
} from '@fluentui/react-components';
import type { HostKind } from '../host';
import * as engine from '../engine';
import { LoadedWorkbook } from '../engine';
import type { FindingItem } from '../checkView';
import { AUDIT_SOURCES, AuditFindingItem, AuditSeverityGroup, AuditSourceKind, auditTitle, AuditView as AuditViewModel, UnplacedItem } from '../auditView';

/** 未核对 figures listed before "显示全部". */
const UNPLACED_SHOWN = 40;


const useStyles = makeStyles({
  result: { display: 'flex', flexDirection: 'column', gap: '12px' },
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  muted: { color: tokens.colorNeutralForeground3 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  tabs: { marginLeft: '-10px' },
  textarea: { width: '100%' },
  hiddenInput: { display: 'none' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  fileName: { overflowWrap: 'anywhere' },
  select: { minWidth: '160px', flexGrow: 1 },
  group: { display: 'flex', flexDirection: 'column', gap: '4px' },
  groupHead: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    paddingBottom: '2px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '2px' },
  text: { display: 'flex', flexDirection: 'column', gap: '3px', minWidth: 0 },
  quote: {
    margin: 0,
    paddingLeft: '8px',
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  message: { overflowWrap: 'anywhere' },
  cells: { display: 'flex', flexWrap: 'wrap', columnGap: '6px', color: tokens.colorNeutralForeground3 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  unplaced: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column' },
  unplacedItem: { padding: '3px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, overflowWrap: 'anywhere' },
  where: { color: tokens.colorNeutralForeground3, marginRight: '6px', whiteSpace: 'nowrap' },
  written: { fontVariantNumeric: 'tabular-nums' },
});

export interface AuditViewProps {
  data: LoadedWorkbook;
  host: HostKind;
  selectedKey?: string;
  onSelect: (item: FindingItem) => void;
}

export function AuditView({ data, host, selectedKey, onSelect }: AuditViewProps): JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const sheetId = useId('audit-sheet');
  const sheets = React.useMemo(() => engine.auditSheetOptions(data), [data]);
  const [kind, setKind] = React.useState<AuditSourceKind>('text');
  const [text, setText] = React.useState('');
  const [file, setFile] = React.useState<File>();
  const [sheet, setSheet] = React.useState<string>();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const [result, setResult] = React.useState<AuditViewModel>();
  const resultRef = useFocusOn<HTMLDivElement>(result);
  const chosenSheet = sheet && sheets.names.includes(sheet) ? sheet : sheets.preferred;

  const ready = kind === 'text' ? text.trim() !== '' : kind === 'file' ? !!file : !!chosenSheet;

  const audit = async () => {
    let source: engine.AuditSource;
    if (kind === 'text') source = { kind, text };
    else if (kind === 'file' && file) source = { kind, file };
    else if (kind === 'sheet' && chosenSheet) source = { kind, sheet: chosenSheet };
    else return;
    setBusy(true);
    setError(undefined);
    try {
      setResult(await engine.auditNarrativeFrom(data, source));
    } catch (e) {
      setResult(undefined);
      setError(engine.errorMessage(e, '核对说明时出错'));
    } finally {
      setBusy(false);
    }
  };

  const hint = host === 'excel' ? '点击一条结果，在 Excel 中选中对照的单元格。' : '点击一条结果，在工作表预览中定位对照的单元格。';

  return (
    <div className={styles.root} data-testid="audit-view">
      <Caption1 className={styles.muted}>核对一份已写好的部门决算情况说明：文中的每个数字都与决算表和“补充信息”比对。</Caption1>

      <section className={styles.panel} aria-label="要核对的说明">
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={kind}
          onTabSelect={(_, d) => setKind(d.value as AuditSourceKind)}
          data-testid="audit-source"
        >
          {AUDIT_SOURCES.map((s) => (
            <Tab key={s.value} value={s.value} data-source={s.value}>
              {s.label}
            </Tab>
          ))}
        </TabList>

        {kind === 'text' && (
          <Textarea
            className={styles.textarea}
            value={text}
            onChange={(_, d) => setText(d.value)}
            placeholder="在此粘贴说明全文（可直接从 Word 复制）…"
            rows={6}
            resize="vertical"
            aria-label="说明文字"
            data-testid="audit-text"
          />
        )}

        {kind === 'file' && (
          <div className={styles.row}>
            <input
              ref={input}
              className={styles.hiddenInput}
              type="file"
              accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-label="打开说明文件"
              data-testid="audit-file-input"
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) setFile(f);
              }}
            />
            <Button size="small" onClick={() => input.current?.click()}>
              选择文件 (.txt / .docx)
            </Button>
            <Caption1 className={styles.fileName} data-testid="audit-file-name">
              {file ? file.name : '尚未选择文件'}
            </Caption1>
          </div>
        )}

        {kind === 'sheet' &&
          (sheets.names.length ? (
            <div className={styles.row}>
              <Label htmlFor={sheetId} size="small">
                工作表
              </Label>
              <Select
                id={sheetId}
                className={styles.select}
                size="small"
                value={chosenSheet}
                onChange={(_, d) => setSheet(d.value)}
                data-testid="audit-sheet"
              >
                {sheets.names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
            </div>
          ) : (
            <Caption1 className={styles.muted}>工作簿中没有决算表以外的工作表。可把说明粘贴到一张新工作表中，重新读取后再选。</Caption1>
          ))}

        <div className={styles.row}>
          <Button appearance="primary" size="small" disabledFocusable={busy || !ready} onClick={busy || !ready ? undefined : () => void audit()} data-testid="audit-button">
            核对
          </Button>
          {busy && <Spinner size="extra-tiny" label="正在核对…" labelPosition="after" />}
        </div>
      </section>

      {error && (
        <MessageBar intent="error" data-testid="audit-error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      {result && !busy && (
        <div className={styles.result} ref={resultRef} tabIndex={-1}>
          <MessageBar intent={result.intent} data-testid="audit-summary" data-errors={result.counts.errors} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{auditTitle(result)}</MessageBarTitle>
              {result.summary}
            </MessageBarBody>
          </MessageBar>
          <Caption1 className={styles.muted}>核对对象：{result.source}</Caption1>
          {result.notes.map((n) => (
            <Caption1 key={n}>注意：{n}</Caption1>
          ))}
          {result.groups.length > 0 && <Caption1 className={styles.muted}>{hint}</Caption1>}
          {result.groups.map((g) => (
            <Group key={g.severity} group={g} selectedKey={selectedKey} onSelect={onSelect} />
          ))}
          {result.unplaced.length > 0 && <Unplaced items={result.unplaced} />}
        </div>
      )}
    </div>
  );
}

function Group({ group, selectedKey, onSelect }: { group: AuditSeverityGroup; selectedKey?: string; onSelect: (item: FindingItem) => void }): JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.group} aria-label={group.severity} data-testid="audit-group" data-severity={group.severity}>
      <div className={styles.groupHead}>
        <Subtitle2 as="h2">{group.severity}</Subtitle2>
        <Badge appearance="tint" color={SEVERITY_COLOR[group.severity]} size="small">
          {group.items.length} 处
        </Badge>
      </div>
      <ul className={styles.list}>
        {group.items.map((item) => (
          <Finding key={item.key} item={item} selected={item.key === selectedKey} onSelect={onSelect} />
        ))}
      </ul>
    </section>
  );
}

function Finding({ item, selected, onSelect }: { item: AuditFindingItem; selected: boolean; onSelect: (item: FindingItem) => void }): JSX.Element {
  const styles = useStyles();
  const f = item.finding;
  return (
    <FindingRow testId="audit-finding" finding={f} selected={selected} onSelect={() => onSelect(item)}>
      <div className={styles.text}>
        <Caption1 className={styles.muted} data-col="where">
          {f.where}
        </Caption1>
        <blockquote className={styles.quote} data-col="quote">
          “{f.quote}”
        </blockquote>
        <Body1 className={styles.message} data-col="message">
          {f.message}
        </Body1>
        {item.cellsShown.length > 0 && (
          <span className={styles.cells} data-col="cells">
            {item.cellsShown.map((c) => (
              <span key={c} className={styles.cell}>
                {c}
              </span>
            ))}
            {item.cellsMore > 0 && <Caption1>等 {item.cellsShown.length + item.cellsMore} 处</Caption1>}
          </span>
        )}
      </div>
    </FindingRow>
  );
}

function Unplaced({ items }: { items: UnplacedItem[] }): JSX.Element {
  const styles = useStyles();
  const [all, setAll] = React.useState(false);
  const shown = all ? items : items.slice(0, UNPLACED_SHOWN);
  return (
    <section className={styles.group} aria-label="未核对" data-testid="audit-unplaced">
      <div className={styles.groupHead}>
        <Subtitle2 as="h2">未核对（{items.length} 个数字）</Subtitle2>
      </div>
      <Caption1 className={styles.muted}>需要补充信息，或无法确定所指的数字：</Caption1>
      <ul className={styles.unplaced}>
        {shown.map((u) => (
          <li key={u.key} className={styles.unplacedItem} data-testid="unplaced" data-written={u.written}>
            <Caption1 className={styles.where}>{u.where}</Caption1>
            <Body1 className={styles.written}>{u.quote || u.written}</Body1>
            {u.reason && <Caption1 className={styles.muted}> —— {u.reason}</Caption1>}
          </li>
        ))}
      </ul>
      {items.length > shown.length && (
        <Button size="small" appearance="subtle" onClick={() => setAll(true)}>
          显示全部 {items.length} 个
        </Button>
      )}
    </section>
  );
}
