/**
 * Task pane entry: decide where we run (Excel or a plain browser), then render the app. A plain browser tab gets
 * the page at once, without office.js; a page hosted by Office loads office.js (async, at most
 * OFFICE_READY_TIMEOUT_MS) before deciding — see host.ts.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { App } from './components/App';
import { detectHost, HostKind, loadOfficeJs, looksHostedByOffice, officeJsProblem, officeJsUrl } from './host';

function Boot(): JSX.Element {
  const [hosted] = React.useState(() => looksHostedByOffice());
  const [host, setHost] = React.useState<HostKind | null>(hosted ? null : 'browser');
  const [problem, setProblem] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (!hosted) {
      document.body.dataset.host = 'browser';
      return;
    }
    let alive = true;
    void (async () => {
      const state = await loadOfficeJs(officeJsUrl());
      const h = await detectHost();
      if (!alive) return;
      document.body.dataset.host = h;
      setProblem(h === 'browser' ? officeJsProblem(state) : null);
      setHost(h);
    })();
    return () => {
      alive = false;
    };
  }, [hosted]);
  if (!host) return <Spinner style={{ marginTop: 48 }} label="决算助手正在启动…" />;
  return <App host={host} startupNotice={problem ?? undefined} />;
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <Boot />
    </FluentProvider>,
  );
}
