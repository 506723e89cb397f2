/** Where the workbook comes from: file picker + example (browser) or re-read (Excel); then what it is. */
import * as React from 'react';
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Accounts } from '../../model/types';
import type { HostKind } from '../host';
import { factsLine } from '../viewModel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  hiddenInput: { display: 'none' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: '12px',
    rowGap: '2px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { wordBreak: 'break-all' },
});

export interface SourceBarProps {
  host: HostKind;
  busy: boolean;
  accounts?: Accounts;
  onFile: (file: File) => void;
  onSample: () => void;
  onReread: () => void;
}

export function SourceBar({ host, busy, accounts, onFile, onSample, onReread }: SourceBarProps): JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <section className={styles.root} aria-label="工作簿">
      <div className={styles.buttons}>
        {host === 'browser' ? (
          <>
            <input
              ref={input}
              className={styles.hiddenInput}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label="打开工作簿"
              data-testid="file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = ''; // choosing the same file again still fires change
                if (file) onFile(file);
              }}
            />
            <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
              打开工作簿 (.xlsx)
            </Button>
            <Button disabled={busy} onClick={onSample}>
              载入示例工作簿
            </Button>
          </>
        ) : (
          <Button appearance="primary" disabled={busy} onClick={onReread}>
            重新读取工作簿
          </Button>
        )}
      </div>
      {accounts && (
        <div className={styles.facts} data-testid="facts">
          <Caption1 className={styles.label}>来源</Caption1>
          <Body1 className={styles.value} data-testid="source">
            {accounts.source}
          </Body1>
          {factsLine(accounts).map((f) => (
            <React.Fragment key={f.label}>
              <Caption1 className={styles.label}>{f.label}</Caption1>
              <Body1 className={styles.value}>{f.value}</Body1>
            </React.Fragment>
          ))}
        </div>
      )}
    </section>
  );
}
