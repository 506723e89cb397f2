/** Task pane entry: decide where we run (Excel or a plain browser), then render the app. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { App } from './components/App';
import { detectHost, HostKind } from './host';

function Boot(): JSX.Element {
  const [host, setHost] = React.useState<HostKind | null>(null);
  React.useEffect(() => {
    let alive = true;
    void detectHost().then((h) => {
      if (!alive) return;
      document.body.dataset.host = h;
      setHost(h);
    });
    return () => {
      alive = false;
    };
  }, []);
  if (!host) return <Spinner style={{ marginTop: 48 }} label="决算助手正在启动…" />;
  return <App host={host} />;
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <Boot />
    </FluentProvider>,
  );
}
