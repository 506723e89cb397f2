/**
 * Laying out text in the charts' SVG without measuring the DOM: a width estimate good enough for Chinese labels
 * (every CJK character is one em wide in the fonts of CHART_FONT) and line wrapping on that estimate.
 */

/** The charts' drawing width (viewBox units; the SVG scales to the pane's width). */
export const CHART_WIDTH = 320;

/** Chinese UI fonts first (Windows, macOS, Linux), then the page's sans-serif. */
export const CHART_FONT =
  '"Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", sans-serif';

/** The charts' colours, in the order of the sheet's native charts (src/adapters/exceljs/charts.ts PALETTE). */
export const CHART_COLORS = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47', '#264478', '#9E480E', '#636363', '#997300', '#255E91', '#43682B'];

export function chartColor(i: number): string {
  return CHART_COLORS[i % CHART_COLORS.length];
}

function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80 || (code >= 0x2010 && code <= 0x2026)) return 1; // CJK, full-width punctuation, “”, …
  if (ch === ' ' || ch === '.' || ch === ',' || ch === ':' || ch === '(' || ch === ')') return 0.32;
  if (/[0-9]/.test(ch)) return 0.58;
  if (/[A-Z%]/.test(ch)) return 0.68;
  return 0.55;
}

/** Estimated width in px of `s` at `fontSize` px. */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w * fontSize;
}

/** `s` cut to fit `maxWidth`, with "…" when cut. */
export function fitText(s: string, maxWidth: number, fontSize: number): string {
  if (textWidth(s, fontSize) <= maxWidth) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out + ch + '…', fontSize) > maxWidth) break;
    out += ch;
  }
  return out + '…';
}

/**
 * `s` broken into at most `maxLines` lines of `maxWidth`, the lines about equally long ("一般公共预算 / 财政拨款支出"
 * rather than a full line and a stub); the last line ends with "…" when text is left over.
 */
export function wrapText(s: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const greedy = breakLines(s, maxWidth, fontSize);
  if (greedy.length > maxLines) {
    const kept = greedy.slice(0, maxLines - 1);
    kept.push(fitText(greedy.slice(maxLines - 1).join(''), maxWidth, fontSize));
    return kept;
  }
  if (greedy.length < 2) return greedy;
  // Shrink the width while the same number of lines still holds the text.
  let best = greedy;
  for (let w = Math.ceil(textWidth(s, fontSize) / greedy.length); w < maxWidth; w += fontSize / 4) {
    const lines = breakLines(s, w, fontSize);
    if (lines.length === greedy.length) {
      best = lines;
      break;
    }
  }
  return best;
}

function breakLines(s: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of s) {
    if (line && textWidth(line + ch, fontSize) > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}
