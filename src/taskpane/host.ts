/**
 * Where the task pane runs: inside Excel (Office.js present and Office.onReady reports host Excel) or in a plain
 * browser. The page never waits on the network:
 *  - office.js is not in the page's <head> as a blocking script; taskpane.html only names it
 *    (<meta name="office-js">) and loadOfficeJs adds it as an async script, and only when the page looks like it is
 *    hosted by Office (the `_host_Info` parameter Office adds to the pane's address, an Office webview bridge, or
 *    an iframe). A plain browser tab never asks for it: the browser page works with no network at all and no
 *    request leaves the machine;
 *  - when office.js is asked for, Office.onReady is awaited at most OFFICE_READY_TIMEOUT_MS; a CDN that hangs
 *    (an intranet, a slow link) leaves the browser page, with a note saying why.
 */

export type HostKind = 'excel' | 'browser';

/** How long to wait for office.js and Office.onReady before deciding we are in a plain browser. */
export const OFFICE_READY_TIMEOUT_MS = 3000;

interface OfficeLike {
  onReady?: () => Promise<{ host: unknown; platform: unknown } | undefined>;
  HostType?: { Excel?: unknown };
}

function office(): OfficeLike | undefined {
  return (globalThis as unknown as { Office?: OfficeLike }).Office;
}

/**
 * Signs that Office hosts this page. `?office=1` / `?office=0` in the address force the answer (testing, or a
 * host that hides every sign).
 */
export function looksHostedByOffice(win: Window = window): boolean {
  try {
    const params = new URLSearchParams(win.location.search);
    const forced = params.get('office');
    if (forced === '1') return true;
    if (forced === '0') return false;
    if (office()) return true; // office.js already on the page
    if (/_host_Info=/i.test(win.location.search + win.location.hash)) return true;
    for (let i = 0; i < win.sessionStorage.length; i++) if (/host_?info/i.test(win.sessionStorage.key(i) ?? '')) return true;
    const w = win as unknown as {
      external?: { GetContext?: unknown };
      chrome?: { webview?: unknown };
      webkit?: { messageHandlers?: { Agave?: unknown } };
    };
    if (w.external && typeof w.external.GetContext !== 'undefined') return true; // Office on Windows (IE/Edge webview)
    if (w.chrome?.webview) return true; // Office on Windows (WebView2)
    if (w.webkit?.messageHandlers?.Agave) return true; // Office on Mac / iPad
    return win.top !== win.self; // Office on the web runs the pane in an iframe
  } catch {
    return true; // a cross-origin parent refused access: framed, most likely by Office on the web
  }
}

/** The address of office.js named by the page (<meta name="office-js" content="…">). */
export function officeJsUrl(doc: Document = document): string | null {
  return doc.querySelector('meta[name="office-js"]')?.getAttribute('content') || null;
}

export type OfficeJsState = 'present' | 'loaded' | 'failed' | 'timeout' | 'skipped';

/** Add office.js as an async script and wait for it, at most `timeoutMs`. Never rejects. */
export function loadOfficeJs(url: string | null, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<OfficeJsState> {
  if (office()) return Promise.resolve('present');
  if (!url) return Promise.resolve('skipped');
  return new Promise((resolve) => {
    const script = document.createElement('script');
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    function finish(state: OfficeJsState): void {
      clearTimeout(timer);
      document.body.dataset.officeJs = state;
      resolve(state);
    }
    script.async = true;
    script.src = url;
    script.onload = () => finish('loaded');
    script.onerror = () => finish('failed');
    document.body.dataset.officeJs = 'pending';
    document.head.appendChild(script);
  });
}

export async function detectHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<HostKind> {
  const o = office();
  if (!o || typeof o.onReady !== 'function') return 'browser';
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const info = await Promise.race([
      o.onReady(),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
    const excel = o.HostType?.Excel ?? 'Excel';
    return info && info.host === excel ? 'excel' : 'browser';
  } catch {
    return 'browser';
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Why the page fell back to the browser page although it looked hosted by Office (null: nothing to say). */
export function officeJsProblem(state: OfficeJsState): string | null {
  if (state === 'timeout' || state === 'failed') {
    return '无法加载 Office 组件（office.js），已切换为浏览器模式。若在 Excel 中使用，请检查网络，或请管理员部署内网版本（npm run build:intranet）。';
  }
  return null;
}
