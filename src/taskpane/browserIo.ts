/**
 * What the page hands to the user outside the workbook: text on the clipboard, a file to download.
 *
 * Clipboard: navigator.clipboard.writeText where the page may use it; otherwise (older Office webviews, a
 * permissions policy, no secure context) a temporary selected textarea and document.execCommand('copy').
 * Download: a Blob URL clicked through a temporary <a download>.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** How the text reached the clipboard, or 'failed' (the caller then shows it for copying by hand). */
export type CopyResult = 'clipboard' | 'fallback' | 'failed';

export async function copyText(text: string): Promise<CopyResult> {
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return 'clipboard';
    }
  } catch {
    /* fall back below */
  }
  return copyWithTextarea(text) ? 'fallback' : 'failed';
}

function copyWithTextarea(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.dataset.testid = 'copy-fallback';
  Object.assign(area.style, { position: 'fixed', top: '0', left: '-9999px', width: '1px', height: '1px', opacity: '0' });
  document.body.appendChild(area);
  const active = document.activeElement as HTMLElement | null;
  try {
    area.focus();
    area.select();
    area.setSelectionRange(0, text.length);
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    active?.focus?.();
  }
}

/** Offer bytes as a file download. */
export function downloadBytes(bytes: Uint8Array, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
