/**
 * 从上年决算导入: pick last year's .xlsx, fill the 上年 fields of 补充信息 (each noting its source cell), keep what
 * was typed unless asked; a workbook of another unit or year is refused with the reason and may be imported
 * anyway. Self-contained: renders what engine.importPriorWorkbook returns.
 */
import * as React from 'react';
import { Button, Caption1, Checkbox, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import * as engine from '../engine';
import { LoadedWorkbook } from '../engine';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  hidden: { display: 'none' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: '4px 0 0', paddingLeft: '18px' },
});

export interface PriorImportProps {
  data: LoadedWorkbook;
  onData: (data: LoadedWorkbook, sheet?: string) => void;
}

type Outcome =
  | { kind: 'done'; text: string; warnings: string[]; owed: string[]; skipped: string[] }
  | { kind: 'refused'; text: string; file: File }
  | { kind: 'error'; text: string };

export function PriorImport({ data, onData }: PriorImportProps): JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [busy, setBusy] = React.useState(false);
  const [overwrite, setOverwrite] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome>();

  const run = async (file: File, force = false) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const r = await engine.importPriorWorkbook(data, file, { force, overwrite });
      if (r.refused !== undefined) {
        setOutcome({ kind: 'refused', text: r.refused, file });
        return;
      }
      setOutcome({
        kind: 'done',
        text: `已从“${file.name}”导入 ${r.filled} 项上年数（“说明”列注明来源单元格）${r.kept ? `；${r.kept} 项已有填写内容，未覆盖` : ''}。`,
        warnings: r.warnings,
        owed: r.owed,
        skipped: r.skipped,
      });
      onData(r.data, engine.SUPPLEMENT_SHEET);
    } catch (e) {
      setOutcome({ kind: 'error', text: engine.errorMessage(e, '从上年决算导入时出错') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label="从上年决算导入" data-testid="prior-import">
      <div className={styles.actions}>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="选择上年决算工作簿"
          data-testid="prior-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void run(file);
          }}
        />
        <Button size="small" disabled={busy} onClick={() => input.current?.click()} data-testid="prior-button">
          从上年决算导入
        </Button>
        <Checkbox label="覆盖已填写的上年数" checked={overwrite} disabled={busy} onChange={(_, d) => setOverwrite(!!d.checked)} />
        {busy && <Spinner size="extra-tiny" label="正在读取上年决算…" labelPosition="after" />}
      </div>
      <Caption1 className={styles.muted}>选择上一年度的决算工作簿：上年收支总计、财政拨款、各类各项、“三公”经费、基金和国资等上年数自动填入“补充信息”。</Caption1>
      {outcome?.kind === 'refused' && (
        <MessageBar intent="warning" layout="multiline" data-testid="prior-refused">
          <MessageBarBody>
            {outcome.text}
            <div className={styles.actions}>
              <Button size="small" onClick={() => void run(outcome.file, true)} data-testid="prior-force">
                确认无误，仍然导入
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'error' && (
        <MessageBar intent="error" layout="multiline" data-testid="prior-message">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'done' && (
        <MessageBar intent="success" layout="multiline" data-testid="prior-message">
          <MessageBarBody>
            {outcome.text}
            {[...outcome.warnings, ...outcome.skipped].length > 0 && (
              <ul className={styles.list}>
                {[...outcome.warnings, ...outcome.skipped].map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'done' && outcome.owed.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="prior-owed">
          <MessageBarBody>
            <MessageBarTitle>还需填写 {outcome.owed.length} 条原因</MessageBarTitle>
            <ul className={styles.list}>
              {outcome.owed.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
