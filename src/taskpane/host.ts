/**
 * Where the task pane runs: inside Excel (Office.js present and Office.onReady reports host Excel) or in a
 * plain browser. Outside Office, office.js may be missing altogether (CDN unreachable, page opened from a
 * file) or present but reporting host null; either way we decide quickly and never hang.
 */

export type HostKind = 'excel' | 'browser';

/** How long to wait for Office.onReady before deciding we are in a plain browser. */
export const OFFICE_READY_TIMEOUT_MS = 3000;

interface OfficeLike {
  onReady?: () => Promise<{ host: unknown; platform: unknown } | undefined>;
  HostType?: { Excel?: unknown };
}

export async function detectHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<HostKind> {
  const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
  if (!office || typeof office.onReady !== 'function') return 'browser';
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const info = await Promise.race([
      office.onReady(),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
    const excel = office.HostType?.Excel ?? 'Excel';
    return info && info.host === excel ? 'excel' : 'browser';
  } catch {
    return 'browser';
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
