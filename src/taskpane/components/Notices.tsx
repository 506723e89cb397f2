/** The message shown after writing a sheet: what was done (or the error), what to do next, what Excel could not do. */
import * as React from 'react';
import { makeStyles, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useFocusOn } from './focus';

export interface WriteMessage {
  intent: 'success' | 'error' | 'info' | 'warning';
  text: string;
  /** A second sentence: what to do next. */
  detail?: string;
  /** Inside Excel: what this host could not write as specified. */
  skipped?: string[];
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px' },
  detail: { display: 'block', marginTop: '4px' },
});

export function Notices({ message, testId }: { message?: WriteMessage; testId: string }): JSX.Element | null {
  const styles = useStyles();
  // A new message is the result of the action just taken: it takes the focus.
  const ref = useFocusOn<HTMLDivElement>(message);
  if (!message) return null;
  return (
    <div className={styles.root} ref={ref} tabIndex={-1}>
      <MessageBar intent={message.intent} data-testid={testId} layout="multiline">
        <MessageBarBody>
          {message.text}
          {message.detail && <span className={styles.detail}>{message.detail}</span>}
        </MessageBarBody>
      </MessageBar>
      {message.skipped?.map((s) => (
        <MessageBar key={s} intent="warning" layout="multiline">
          <MessageBarBody>{s}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
