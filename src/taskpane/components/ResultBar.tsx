/**
 * Browser page: once the add-in has written a sheet, the downloadable copy of the workbook (the original file is
 * never changed) — which sheets it adds, and the link 下载结果工作簿.
 */
import * as React from 'react';
import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ResultWorkbook } from '../engine';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  link: {
    display: 'inline-block',
    alignSelf: 'flex-start',
    padding: '4px 12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    textDecoration: 'none',
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover, color: tokens.colorNeutralForegroundOnBrand },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export function ResultBar({ result }: { result: ResultWorkbook }): JSX.Element {
  const styles = useStyles();
  const [url, setUrl] = React.useState<string>();
  React.useEffect(() => {
    const u = URL.createObjectURL(new Blob([result.bytes as BlobPart], { type: result.mime }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [result.bytes, result.mime]);
  return (
    <section className={styles.root} aria-label="结果工作簿" data-testid="result-bar">
      <Body1>
        结果工作簿中已添加：{result.sheets.map((s) => `“${s}”`).join('、')}
      </Body1>
      <a className={styles.link} href={url} download={result.fileName} data-testid="result-download">
        下载结果工作簿
      </a>
      <Caption1 className={styles.muted}>文件名：{result.fileName}。原文件不会改动。</Caption1>
    </section>
  );
}
