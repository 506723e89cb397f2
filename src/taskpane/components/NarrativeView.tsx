/**
 * 生成说明: choose the form (四川格式 / 上海格式), generate — asking first when the 决算说明 sheet already exists —,
 * then the text with its 【请填写】 placeholders highlighted, their count, 复制全文 and 下载 Word 文档. Renders what
 * engine.ts returns.
 */
import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Label,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
  tokens,
  useId,
} from '@fluentui/react-components';
import type { NarrativeForm } from '../../narrative/types';
import type { HostKind } from '../host';
import * as engine from '../engine';
import { LoadedWorkbook } from '../engine';
import { FORMS, NarrativeBlock, NarrativeDoc, narrativeWrittenText, placeholderText, REGENERATE_QUESTION } from '../narrativeView';
import { focusLater } from './focus';
import { Notices, WriteMessage } from './Notices';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  muted: { color: tokens.colorNeutralForeground3 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  formRow: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: '8px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  resultHead: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center', justifyContent: 'space-between' },
  doc: {
    maxHeight: '60vh',
    overflowY: 'auto',
    padding: '10px 12px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: '1.7',
    overflowWrap: 'anywhere',
  },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, textAlign: 'center', margin: '0 0 8px' },
  h1: { fontWeight: tokens.fontWeightSemibold, margin: '10px 0 2px' },
  h2: { fontWeight: tokens.fontWeightSemibold, margin: '6px 0 2px', color: tokens.colorNeutralForeground2 },
  p: { margin: '0 0 4px', textIndent: '2em' },
  placeholder: {
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: '2px',
    padding: '0 1px',
  },
  manual: { width: '100%' },
  pending: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  complete: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface NarrativeViewProps {
  data: LoadedWorkbook;
  host: HostKind;
  onData: (data: LoadedWorkbook, sheet?: string) => void;
}

export function NarrativeView({ data, host, onData }: NarrativeViewProps): JSX.Element {
  const styles = useStyles();
  const formId = useId('narrative-form');
  const [form, setForm] = React.useState<NarrativeForm>('sichuan');
  const [busy, setBusy] = React.useState(false);
  const [confirm, setConfirm] = React.useState(false);
  const [doc, setDoc] = React.useState<NarrativeDoc>();
  const [message, setMessage] = React.useState<WriteMessage>();
  const [notes, setNotes] = React.useState<string[]>([]);
  const [copied, setCopied] = React.useState<engine.CopyResult>();
  const [docxError, setDocxError] = React.useState<string>();
  const trigger = React.useRef<HTMLButtonElement>(null);

  const generate = async () => {
    setConfirm(false);
    setBusy(true);
    setMessage(undefined);
    setCopied(undefined);
    setDocxError(undefined);
    try {
      const out = await engine.generateNarrative(data, form);
      setDoc(out.doc);
      setNotes(out.notes);
      setMessage(
        out.writeError
          ? { intent: 'error', text: out.writeError, detail: '下面的说明文字仍可复制或下载为 Word 文档。' }
          : { intent: 'success', text: narrativeWrittenText(form, host), skipped: out.skipped },
      );
      if (out.data) onData(out.data, out.sheets?.[0] ?? engine.NARRATIVE_SHEET);
    } catch (e) {
      setMessage({ intent: 'error', text: engine.errorMessage(e, '生成说明时出错') });
    } finally {
      setBusy(false);
    }
  };

  const start = () => {
    if (engine.hasSheet(data, engine.NARRATIVE_SHEET)) setConfirm(true);
    else void generate();
  };

  const copy = async () => {
    if (!doc) return;
    setCopied(await engine.copyNarrative(doc));
  };

  const word = async () => {
    if (!doc) return;
    setDocxError(undefined);
    try {
      await engine.downloadNarrativeDocx(doc);
    } catch (e) {
      setDocxError(engine.errorMessage(e, '生成 Word 文档时出错'));
    }
  };

  return (
    <div className={styles.root} data-testid="narrative-view">
      <Caption1 className={styles.muted}>
        根据决算表和“补充信息”生成部门决算情况说明，写入“决算说明”工作表{host === 'browser' ? '（结果工作簿中）' : ''}。
      </Caption1>

      <section className={styles.panel} aria-label="生成说明">
        <div className={styles.formRow}>
          <Label id={formId} size="small">
            格式
          </Label>
          <RadioGroup
            layout="horizontal"
            aria-labelledby={formId}
            value={form}
            onChange={(_, d) => setForm(d.value as NarrativeForm)}
            data-testid="narrative-form"
          >
            {FORMS.map((f) => (
              <Radio key={f.value} value={f.value} label={f.label} disabled={busy} />
            ))}
          </RadioGroup>
        </div>
        <div className={styles.actions}>
          <Button ref={trigger} appearance="primary" size="small" disabledFocusable={busy} onClick={busy ? undefined : start} data-testid="narrative-button">
            {doc || engine.hasSheet(data, engine.NARRATIVE_SHEET) ? '重新生成说明' : '生成说明'}
          </Button>
          {busy && <Spinner size="extra-tiny" label="正在生成…" labelPosition="after" />}
        </div>
      </section>

      <Dialog
        open={confirm}
        onOpenChange={(_, d) => {
          setConfirm(d.open);
          if (!d.open) focusLater(trigger); // Esc: back to the button that opened it
        }}
        modalType="alert"
      >
        <DialogSurface data-testid="narrative-confirm">
          <DialogBody>
            <DialogTitle>重新生成说明</DialogTitle>
            <DialogContent>{REGENERATE_QUESTION}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void generate()} data-testid="narrative-confirm-yes">
                重新生成
              </Button>
              <Button
                onClick={() => {
                  setConfirm(false);
                  focusLater(trigger);
                }}
                data-testid="narrative-confirm-no"
              >
                取消
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Notices message={message} testId="narrative-message" />
      {notes.map((n) => (
        <MessageBar key={n} intent="info" layout="multiline">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}

      {doc && (
        <>
          <div className={styles.resultHead}>
            <Body1
              className={doc.placeholders ? styles.pending : styles.complete}
              data-testid="narrative-placeholders"
              data-count={doc.placeholders}
            >
              {placeholderText(doc.placeholders)}
            </Body1>
            <div className={styles.actions}>
              <Button size="small" onClick={() => void copy()} data-testid="copy-button">
                复制全文
              </Button>
              <Button size="small" onClick={() => void word()} data-testid="docx-button">
                下载 Word 文档
              </Button>
            </div>
          </div>
          {copied && copied !== 'failed' && (
            <Caption1 className={styles.muted} data-testid="copy-result" data-how={copied} role="status">
              已复制全文，可直接粘贴到 Word。
            </Caption1>
          )}
          {copied === 'failed' && (
            <>
              <Caption1 data-testid="copy-result" role="status">
                无法自动复制：请在下面的文本框中按 Ctrl+A 全选，再按 Ctrl+C 复制。
              </Caption1>
              <Textarea className={styles.manual} readOnly value={doc.text} resize="vertical" rows={6} data-testid="copy-manual" />
            </>
          )}
          {docxError && (
            <MessageBar intent="error">
              <MessageBarBody>{docxError}</MessageBarBody>
            </MessageBar>
          )}
          <article className={styles.doc} aria-label="生成的说明" tabIndex={0} data-testid="narrative-text">
            {doc.blocks.map((b) => (
              <Block key={b.key} block={b} />
            ))}
          </article>
        </>
      )}
    </div>
  );
}

function Block({ block }: { block: NarrativeBlock }): JSX.Element {
  const styles = useStyles();
  const runs = block.runs.map((r, i) =>
    r.placeholder ? (
      <mark key={i} className={styles.placeholder} data-placeholder="1">
        {r.text}
      </mark>
    ) : (
      <React.Fragment key={i}>{r.text}</React.Fragment>
    ),
  );
  switch (block.kind) {
    case 'title':
      return <h2 className={styles.title}>{runs}</h2>;
    case 'heading1':
      return <h3 className={mergeClasses(styles.h1)}>{runs}</h3>;
    case 'heading2':
      return <h4 className={styles.h2}>{runs}</h4>;
    default:
      return <p className={styles.p}>{runs}</p>;
  }
}
