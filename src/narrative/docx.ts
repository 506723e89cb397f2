/**
 * The narrative as a .docx, built with the `docx` library: title, headings (Word's 标题1/标题2 styles, so the
 * navigation pane shows them) and paragraphs, placeholders in red on yellow so nobody publishes them by mistake.
 * Fonts follow the usual 公文 layout: 方正小标宋 title, 黑体/楷体 headings, 仿宋_GB2312 body, 三号 (16 pt), 28 pt lines.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph as DocxParagraph, TextRun } from 'docx';
import { Narrative, NarrativeSection, Paragraph } from './types';

const BODY_FONT = '仿宋_GB2312';
/** Half-points: 三号 = 16 pt. */
const BODY_SIZE = 32;
/** Two characters of first-line indent at 16 pt, in twentieths of a point. */
const INDENT = { firstLine: 640 };
/** A4 with the margins of GB/T 9704 (twips). */
const PAGE = { size: { width: 11906, height: 16838 }, margin: { top: 2098, right: 1474, bottom: 1984, left: 1588, header: 851, footer: 992, gutter: 0 } };

function fonts(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name };
}

function bodyParagraph(p: Paragraph): DocxParagraph {
  // Adjacent runs that look the same are written as one.
  const merged: { text: string; placeholder: boolean }[] = [];
  for (const r of p.runs) {
    const placeholder = r.kind === 'placeholder';
    const last = merged[merged.length - 1];
    if (last && last.placeholder === placeholder) last.text += r.text;
    else merged.push({ text: r.text, placeholder });
  }
  return new DocxParagraph({
    style: 'BodyText',
    children: merged.map((r) =>
      r.placeholder ? new TextRun({ text: r.text, color: 'C00000', highlight: 'yellow' }) : new TextRun({ text: r.text }),
    ),
  });
}

function headingParagraph(text: string, level: 1 | 2): DocxParagraph {
  return new DocxParagraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(text)] });
}

/** The document of the narrative (exported for tests that look at its structure). */
export function narrativeDocument(n: Narrative): Document {
  const children: DocxParagraph[] = [new DocxParagraph({ heading: HeadingLevel.TITLE, children: [new TextRun(n.title)] })];
  const visit = (s: NarrativeSection) => {
    children.push(headingParagraph(s.heading, s.level));
    s.paragraphs.forEach((p) => children.push(bodyParagraph(p)));
    s.children.forEach(visit);
  };
  n.sections.forEach(visit);
  return new Document({
    creator: '决算助手',
    title: n.title,
    styles: {
      default: {
        document: { run: { font: fonts(BODY_FONT), size: BODY_SIZE }, paragraph: { spacing: { line: 560, lineRule: 'exact' } } },
        title: { run: { font: fonts('方正小标宋简体'), size: 44, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER } },
        heading1: { run: { font: fonts('黑体'), size: BODY_SIZE, color: '000000', bold: false }, paragraph: { indent: INDENT, keepNext: true } },
        heading2: { run: { font: fonts('楷体_GB2312'), size: BODY_SIZE, color: '000000', bold: false }, paragraph: { indent: INDENT, keepNext: true } },
      },
      paragraphStyles: [
        {
          id: 'BodyText',
          name: 'Body Text',
          basedOn: 'Normal',
          run: { font: fonts(BODY_FONT), size: BODY_SIZE },
          paragraph: { indent: INDENT, alignment: AlignmentType.JUSTIFIED },
        },
      ],
    },
    sections: [{ properties: { page: PAGE }, children }],
  });
}

export async function narrativeDocx(n: Narrative): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(narrativeDocument(n)));
}
