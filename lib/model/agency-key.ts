/**
 * One agency, one key, across the ways its name is printed from year to year:
 * 淮安市洪泽区人民政府 / 洪泽区人民政府, 宿迁市人民政府 / 宿迁市政府办公室 / 江苏省宿迁市人民政府（全市汇总）.
 *
 * The key is the lowest administrative division named (洪泽区) followed by the body (人民政府,
 * 商务局…); the divisions above it are dropped, since publishers print them one year and not
 * the next. Two different places may share a lowest division's name (朝阳区 in 北京市 and in
 * 长春市): `sameAgency` tells them apart by the divisions the names do print.
 */

/** Suffixes of administrative divisions, longest first so 自治区 wins over 区. */
const DIVISION_SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '新区',
  '地区',
  '街道',
  '省',
  '市',
  '州',
  '盟',
  '县',
  '区',
  '旗',
  '镇',
  '乡',
];
/** Words that end like a division but belong to a body's name (城市管理局, 市场监督管理局, 住房和城乡建设局…). */
const BODY_WORDS = ['城市', '城乡', '市场', '社区', '景区', '辖区', '县区', '市县', '乡镇', '镇街', '小区', '校区', '省市'];
/** Characters no division's name holds: they belong to bodies (局, 委, 办…). */
const BODY_CHARACTERS = /[局委厅办部院署处室党政府]/u;
/** 州 also ends many names of cities and districts: 杭州 followed by 市 is one division, 杭州市. */
const NAME_ENDING_SUFFIX = '州';
const SINGLE_SUFFIXES = new Set(DIVISION_SUFFIXES.filter((s) => s.length === 1));
const MAX_DIVISION_NAME = 8;

/** The government's own report is compiled by its office: one agency for pairing years. */
const GOVERNMENT_BODIES: readonly [RegExp, string][] = [
  [/^(人民政府|政府)(办公室|办公厅|办)$/u, '人民政府'],
  [/^政府$/u, '人民政府'],
  [/管理委员会$/u, '管委会'],
];

export interface AgencyName {
  /** the divisions printed, highest first (江苏省, 淮安市, 洪泽区) */
  divisions: string[];
  /** what follows the divisions (人民政府, 商务局); may be empty (平潭综合实验区) */
  body: string;
}

/** Full-width forms, spaces, punctuation and bracketed notes ((全市汇总), （本级）) removed. */
export function normaliseAgencyName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[([【〔][^)\]】〕]*[)\]】〕]/gu, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Splits a name into the divisions it prints and its body. */
export function parseAgencyName(name: string): AgencyName {
  let rest = normaliseAgencyName(name);
  const divisions: string[] = [];
  for (;;) {
    const division = leadingDivision(rest);
    if (division === null) break;
    divisions.push(division);
    rest = rest.slice(division.length);
  }
  let body = rest;
  for (const [pattern, canonical] of GOVERNMENT_BODIES) body = body.replace(pattern, canonical);
  return { divisions, body };
}

function leadingDivision(text: string): string | null {
  for (let end = 2; end <= Math.min(text.length, MAX_DIVISION_NAME + 5); end++) {
    const head = text.slice(0, end);
    const suffix = DIVISION_SUFFIXES.find((s) => head.endsWith(s));
    if (suffix === undefined || suffix.length === head.length) continue;
    const name = head.slice(0, head.length - suffix.length);
    if (BODY_CHARACTERS.test(name) || name.length > MAX_DIVISION_NAME || BODY_WORDS.some((w) => head.endsWith(w))) return null;
    // 杭州 + 市, 通州 + 区: the division goes on, unless a body word starts there (宿迁市 + 市场…)
    const next = text.slice(end, end + 2);
    if (suffix === NAME_ENDING_SUFFIX && SINGLE_SUFFIXES.has(text[end] ?? '') && !BODY_WORDS.includes(next)) continue;
    return head;
  }
  return null;
}

/** The normalised key of an agency's name, or null when there is no name. */
export function agencyKeyOf(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  const { divisions, body } = parseAgencyName(name);
  const key = `${divisions.at(-1) ?? ''}${body}`;
  return key === '' ? null : key;
}

/**
 * Whether two names with the same key are the same agency: the divisions both print agree (a name
 * that prints fewer divisions agrees with any that print more, 洪泽区 with 淮安市洪泽区).
 */
export function sameAgency(a: string, b: string): boolean {
  const x = parseAgencyName(a);
  const y = parseAgencyName(b);
  if (`${x.divisions.at(-1) ?? ''}${x.body}` !== `${y.divisions.at(-1) ?? ''}${y.body}`) return false;
  const levelOf = (division: string): string => DIVISION_SUFFIXES.find((s) => division.endsWith(s)) ?? '';
  const above = (n: AgencyName): Map<string, string> => new Map(n.divisions.slice(0, -1).map((d) => [levelOf(d), d]));
  const ax = above(x);
  for (const [level, division] of above(y)) {
    const other = ax.get(level);
    if (other !== undefined && other !== division) return false;
  }
  return true;
}
