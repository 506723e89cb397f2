/**
 * The "决算说明" sheet: one row per heading or paragraph in column A (wide, wrapped), placeholders in red
 * through rich-text runs, and in column B the cells each paragraph's figures come from. Column C (hidden)
 * keeps the paragraph key so the task pane can find a paragraph again.
 */
import { CellStyle, SheetSpec, SpecCell, text } from '../output/sheetSpec';
import { Narrative, NarrativeSection, Paragraph } from './types';

export const NARRATIVE_SHEET = '决算说明';

function paragraphCell(p: Paragraph): SpecCell {
  const hasPlaceholder = p.runs.some((r) => r.kind === 'placeholder');
  if (!hasPlaceholder) return text(p.runs.map((r) => r.text).join(''), 'paragraph');
  // Adjacent runs of the same style are merged so the cell holds as few runs as possible.
  const runs: { text: string; style?: CellStyle }[] = [];
  for (const r of p.runs) {
    const style: CellStyle = r.kind === 'placeholder' ? 'placeholder' : 'paragraph';
    const last = runs[runs.length - 1];
    if (last && last.style === style) last.text += r.text;
    else runs.push({ text: r.text, style });
  }
  return { kind: 'rich', runs, style: 'paragraph' };
}

function sourceCells(p: Paragraph): string {
  const cells: string[] = [];
  for (const r of p.runs) if (r.kind === 'figure' || r.kind === 'input') cells.push(...r.cells);
  return [...new Set(cells)].join('；');
}

export function buildNarrativeSheet(n: Narrative): SheetSpec {
  const rows: (SpecCell | undefined)[][] = [];
  rows.push([text(n.title, 'title')]);
  const placeholders = countPlaceholders(n);
  rows.push([
    text(
      placeholders
        ? `红色【请填写：…】处共 ${placeholders} 处，需要补充后再使用：可在“补充信息”表中填写后重新生成，也可直接在文中改写。B列为各段数字所依据的单元格。`
        : '全部数字均由决算表和“补充信息”计算得出，B列为各段数字所依据的单元格。复制A列即可粘贴到Word。',
      'note',
    ),
    text('数据来源（单元格）', 'header'),
  ]);
  const visit = (s: NarrativeSection) => {
    rows.push([text(s.heading, s.level === 1 ? 'heading1' : 'heading2'), undefined, text(s.key, 'note')]);
    for (const p of s.paragraphs) rows.push([paragraphCell(p), text(sourceCells(p), 'note'), text(p.key, 'note')]);
    s.children.forEach(visit);
  };
  n.sections.forEach(visit);
  return {
    name: NARRATIVE_SHEET,
    rows,
    columnWidths: [100, 40, 24],
    hiddenColumns: [2],
    freezeRows: 2,
  };
}

export function countPlaceholders(n: Narrative): number {
  let k = 0;
  const visit = (s: NarrativeSection) => {
    for (const p of s.paragraphs) k += p.runs.filter((r) => r.kind === 'placeholder').length;
    s.children.forEach(visit);
  };
  n.sections.forEach(visit);
  return k;
}
