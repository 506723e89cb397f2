/**
 * manifest.xml: the Office add-in manifest parses, points only at https://localhost:3000, its icons exist as
 * PNGs of the stated sizes, and every resid used by the ribbon resolves to a resource.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';

const ROOT = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: true });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML has no static shape
type Node = any;
const doc: Node = parser.parse(xml);
const app: Node = doc.OfficeApp;

const ORIGIN = 'https://localhost:3000';

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** Every value of an attribute, anywhere in the tree. */
function collectAttr(node: Node, attr: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectAttr(n, attr, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === `@_${attr}` && typeof v === 'string') out.push(v);
      else collectAttr(v, attr, out);
    }
  }
  return out;
}

/** Width and height from a PNG's IHDR, or null when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | null {
  const b = fs.readFileSync(file);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (b.length < 24 || !b.subarray(0, 8).equals(sig) || b.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The repository file a localhost:3000 URL is served from (assets/… are copied as they are). */
function fileForUrl(url: string): string {
  return path.join(ROOT, decodeURIComponent(new URL(url).pathname).replace(/^\//, ''));
}

const resources: Node = app.VersionOverrides.Resources;
const resourceMap = new Map<string, string>();
for (const group of ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']) {
  const inner = group === 'bt:Images' ? 'bt:Image' : group === 'bt:Urls' ? 'bt:Url' : 'bt:String';
  for (const r of asArray(resources[group]?.[inner])) resourceMap.set(r['@_id'], r['@_DefaultValue']);
}

describe('manifest.xml', () => {
  test('is a task-pane add-in for Excel with a fixed GUID and version 1.0.0.0', () => {
    expect(app['@_xsi:type']).toBe('TaskPaneApp');
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(app.Version).toBe('1.0.0.0');
    expect(String(app.ProviderName).length).toBeGreaterThan(0);
    expect(app.DefaultLocale).toBe('zh-CN');
    expect(app.DisplayName['@_DefaultValue']).toBe('决算助手');
    expect(app.Description['@_DefaultValue']).toMatch(/[\u4e00-\u9fff]/);
    expect(asArray(app.Hosts.Host).map((h: Node) => h['@_Name'])).toEqual(['Workbook']);
  });

  test('requires ExcelApi and asks for ReadWriteDocument', () => {
    const sets = asArray(app.Requirements.Sets.Set);
    const excel = sets.find((s: Node) => s['@_Name'] === 'ExcelApi');
    expect(excel).toBeDefined();
    // The lowest level: reading works from ExcelApi 1.1 (Excel 2016 volume-licensed); features needing more check at run time.
    expect(excel['@_MinVersion']).toBe('1.1');
    expect(app.Permissions).toBe('ReadWriteDocument');
  });

  test('every URL is https on localhost:3000, and AppDomains list only localhost', () => {
    const urls = [...collectAttr(app, 'DefaultValue').filter((v) => /^[a-z]+:\/\//i.test(v)), ...asArray(app.AppDomains?.AppDomain)];
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) {
      expect(u).toMatch(/^https:\/\//);
      expect(new URL(u).origin).toBe(ORIGIN);
    }
    expect(app.DefaultSettings.SourceLocation['@_DefaultValue']).toBe(`${ORIGIN}/taskpane.html`);
  });

  test('IconUrl and HighResolutionIconUrl are PNGs of 32 and 80 pixels', () => {
    for (const [el, size] of [
      ['IconUrl', 32],
      ['HighResolutionIconUrl', 80],
    ] as const) {
      const url = app[el]['@_DefaultValue'];
      const file = fileForUrl(url);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test('every ribbon image is a PNG of the size it is declared at', () => {
    const images: Node[] = [];
    (function walk(n: Node) {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object')
        for (const [k, v] of Object.entries(n)) {
          if (k === 'bt:Image' && n !== resources['bt:Images']) images.push(...asArray(v as Node).filter((i) => i['@_size']));
          else walk(v);
        }
    })(app.VersionOverrides.Hosts);
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const img of images) {
      const url = resourceMap.get(img['@_resid']);
      expect(url).toBeDefined();
      const file = fileForUrl(url as string);
      expect(fs.existsSync(file)).toBe(true);
      const size = Number(img['@_size']);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test('every resid resolves, with string lengths Office accepts', () => {
    const resids = collectAttr(app.VersionOverrides.Hosts, 'resid');
    expect(resids.length).toBeGreaterThan(5);
    for (const id of resids) expect(resourceMap.has(id)).toBe(true);
    for (const s of asArray(resources['bt:ShortStrings']['bt:String'])) expect(String(s['@_DefaultValue']).length).toBeLessThanOrEqual(125);
    for (const s of asArray(resources['bt:LongStrings']['bt:String'])) expect(String(s['@_DefaultValue']).length).toBeLessThanOrEqual(250);
  });

  test('the ribbon button opens the task pane page the build produces', () => {
    const host = app.VersionOverrides.Hosts.Host;
    expect(host['@_xsi:type']).toBe('Workbook');
    const control = host.DesktopFormFactor.ExtensionPoint.OfficeTab.Group.Control;
    expect(control['@_xsi:type']).toBe('Button');
    expect(control.Action['@_xsi:type']).toBe('ShowTaskpane');
    expect(resourceMap.get(control.Action.SourceLocation['@_resid'])).toBe(`${ORIGIN}/taskpane.html`);
    expect(resourceMap.get(host.DesktopFormFactor.FunctionFile['@_resid'])).toBe(`${ORIGIN}/commands.html`);
    // webpack.config.js emits exactly these pages.
    for (const page of ['taskpane.html', 'commands.html']) {
      expect(fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8')).toContain(`filename: '${page}'`);
    }
  });
});
