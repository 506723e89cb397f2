/**
 * 支出功能分类 类 names, current and former, used to recognise the 类 lines of tables 1 and 4
 * (which carry names only, "一、一般公共服务支出"). The full catalogue with 款 and 项 lives in ./functional.
 */
export interface ClassName {
  code: string;
  /** Current name first, then former names and common variants. */
  names: string[];
}

export const CLASS_NAMES: ClassName[] = [
  { code: '201', names: ['一般公共服务支出'] },
  { code: '202', names: ['外交支出'] },
  { code: '203', names: ['国防支出'] },
  { code: '204', names: ['公共安全支出'] },
  { code: '205', names: ['教育支出'] },
  { code: '206', names: ['科学技术支出'] },
  { code: '207', names: ['文化旅游体育与传媒支出', '文化体育与传媒支出'] },
  { code: '208', names: ['社会保障和就业支出'] },
  { code: '209', names: ['社会保险基金支出'] },
  { code: '210', names: ['卫生健康支出', '医疗卫生与计划生育支出', '医疗卫生支出'] },
  { code: '211', names: ['节能环保支出'] },
  { code: '212', names: ['城乡社区支出', '城乡社区事务支出'] },
  { code: '213', names: ['农林水支出', '农林水事务支出'] },
  { code: '214', names: ['交通运输支出'] },
  { code: '215', names: ['资源勘探工业信息等支出', '资源勘探信息等支出'] },
  { code: '216', names: ['商业服务业等支出'] },
  { code: '217', names: ['金融支出', '金融监管等事务支出'] },
  { code: '219', names: ['援助其他地区支出'] },
  { code: '220', names: ['自然资源海洋气象等支出', '国土海洋气象等支出'] },
  { code: '221', names: ['住房保障支出'] },
  { code: '222', names: ['粮油物资储备支出', '粮油物资储备事务支出'] },
  { code: '223', names: ['国有资本经营预算支出'] },
  { code: '224', names: ['灾害防治及应急管理支出'] },
  { code: '227', names: ['预备费'] },
  { code: '229', names: ['其他支出'] },
  { code: '230', names: ['转移性支出'] },
  { code: '231', names: ['债务还本支出'] },
  { code: '232', names: ['债务付息支出'] },
  { code: '233', names: ['债务发行费用支出'] },
  { code: '234', names: ['抗疫特别国债安排的支出'] },
];

/** Normalise a name for comparison: no spaces/line breaks, full-width brackets, no "（类）" marker. */
export function normaliseName(name: string): string {
  return name
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[“”"]/g, '"')
    .replace(/（[类款项]）/g, '');
}

const BY_NAME = new Map<string, string>();
for (const c of CLASS_NAMES) for (const n of c.names) BY_NAME.set(normaliseName(n), c.code);

/** The 类 code for a 类 name as written in table 1/4 ("一、一般公共服务支出" → "201"), or undefined. */
export function classCodeForName(label: string): string | undefined {
  const n = normaliseName(stripOrdinal(label));
  return BY_NAME.get(n) ?? BY_NAME.get(n.endsWith('支出') ? n : `${n}支出`);
}

/** Remove a leading ordinal: "一、", "二十三、", "1.", "（一）". */
export function stripOrdinal(label: string): string {
  // The ordinal must end with a separator or sit in brackets: "一般…" starts with 一 but is no ordinal.
  return label.replace(
    /^[\s\u3000]*(?:[（(][一二三四五六七八九十百\d]+[)）][、.．]?|[一二三四五六七八九十百]+[、.．]|\d+[、.．](?!\d))[\s\u3000]*/,
    '',
  );
}
