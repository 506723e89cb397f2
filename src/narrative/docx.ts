/**
 * A minimal .docx of the narrative (jszip): title, headings (Word's 标题1/标题2 styles, so the navigation
 * pane shows them) and paragraphs, placeholders in red on yellow. Fonts: 仿宋_GB2312 body, 黑体 headings.
 */
import JSZip from 'jszip';
import { escapeXml } from '../output/xml';
import { Narrative, NarrativeSection, Paragraph } from './types';

const esc = escapeXml;

function run(text: string, opts: { placeholder?: boolean } = {}): string {
  const rpr = opts.placeholder ? '<w:rPr><w:color w:val="C00000"/><w:highlight w:val="yellow"/></w:rPr>' : '';
  return `<w:r>${rpr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

function para(p: Paragraph): string {
  // Adjacent runs that look the same are written as one.
  const merged: { text: string; placeholder: boolean }[] = [];
  for (const r of p.runs) {
    const placeholder = r.kind === 'placeholder';
    const last = merged[merged.length - 1];
    if (last && last.placeholder === placeholder) last.text += r.text;
    else merged.push({ text: r.text, placeholder });
  }
  const runs = merged.map((r) => run(r.text, { placeholder: r.placeholder })).join('');
  return `<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr>${runs}</w:p>`;
}

function heading(text: string, level: 1 | 2): string {
  return `<w:p><w:pPr><w:pStyle w:val="Heading${level}"/></w:pPr>${run(text)}</w:p>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:ascii="方正小标宋简体" w:hAnsi="方正小标宋简体" w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:ascii="楷体_GB2312" w:hAnsi="楷体_GB2312" w:eastAsia="楷体_GB2312"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr></w:style>
</w:styles>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`;

/** The document.xml body of the narrative (exported for tests). */
export function narrativeDocumentXml(n: Narrative): string {
  const body: string[] = [`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>${run(n.title)}</w:p>`];
  const visit = (s: NarrativeSection) => {
    body.push(heading(s.heading, s.level));
    s.paragraphs.forEach((p) => body.push(para(p)));
    s.children.forEach(visit);
  };
  n.sections.forEach(visit);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body.join('') +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>'
  );
}

export async function narrativeDocx(n: Narrative): Promise<Uint8Array> {
  const zip = new JSZip();
  // No folder entries: Word does not need them and some validators dislike them.
  const opts = { createFolders: false };
  zip.file('[Content_Types].xml', CONTENT_TYPES, opts);
  zip.file('_rels/.rels', RELS, opts);
  zip.file('word/document.xml', narrativeDocumentXml(n), opts);
  zip.file('word/styles.xml', STYLES, opts);
  zip.file('word/_rels/document.xml.rels', DOC_RELS, opts);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
