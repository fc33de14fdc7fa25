/**
 * Label normalisation for fuzzy matching: full-width → half-width (NFKC), no white space, one
 * numbering style, and the traditional characters mirror sites use mapped to simplified.
 */

const TRADITIONAL: Record<string, string> = {
  開: '开',
  處: '处',
  請: '请',
  數: '数',
  總: '总',
  計: '计',
  結: '结',
  轉: '转',
  資: '资',
  訊: '讯',
  國: '国',
  務: '务',
  機: '机',
  關: '关',
  復: '复',
  議: '议',
  訟: '讼',
  審: '审',
  維: '维',
  糾: '纠',
  決: '决',
  區: '区',
  與: '与',
  辦: '办',
  報: '报',
  護: '护',
  權: '权',
  屬: '属',
  類: '类',
  過: '过',
  們: '们',
  於: '于',
  執: '执',
  檔: '档',
  詢: '询',
  無: '无',
  會: '会',
  業: '业',
  構: '构',
  織: '织',
  體: '体',
  規: '规',
  範: '范',
  許: '许',
  強: '强',
  費: '费',
  額: '额',
  萬: '万',
  項: '项',
  條: '条',
  級: '级',
  經: '经',
  認: '认',
  舉: '举',
  訴: '诉',
  複: '复',
  製: '制',
  廢: '废',
  現: '现',
  觀: '观',
  專: '专',
  單: '单',
  說: '说',
  訪: '访',
  確: '确',
  獲: '获',
  發: '发',
  來: '来',
  個: '个',
  億: '亿',
  險: '险',
  穩: '稳',
};

// one pass of the regex engine instead of a string built character by character (a hot path: every
// cell and label of every table goes through it)
const TRADITIONAL_CHAR = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'gu');

/** NFKC + traditional→simplified + no spaces; keeps punctuation that numbering relies on. */
export function normalizeText(text: string): string {
  return normalizeChars(text).replace(/\s+/g, '');
}

/** NFKC + traditional→simplified, white space kept (where it separates page chrome from a title). */
export function normalizeChars(text: string): string {
  return text.normalize('NFKC').replace(TRADITIONAL_CHAR, (ch) => TRADITIONAL[ch] ?? ch);
}

/**
 * A label reduced to what distinguishes it: numbering unified (1、 → 1.), brackets and quotes
 * dropped. `（三）不予公开` → `三不予公开`, `1、属于国家秘密` → `1.属于国家秘密`.
 */
export function normalizeLabel(text: string): string {
  return normalizeText(text)
    .replace(/(\d)[、,，.．]/g, '$1.')
    .replace(/[()（）“”"'‘’「」《》【】[\]:：;；]/g, '');
}

/** Character bigrams of a normalised label (single characters for one-character labels). */
export function bigrams(label: string): string[] {
  const chars = [...label];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

// Labels are compared many times over while rows are aligned: keep their bigram counts.
const countsCache = new Map<string, Map<string, number>>();
function bigramCounts(label: string): Map<string, number> {
  let counts = countsCache.get(label);
  if (!counts) {
    counts = new Map();
    for (const b of bigrams(label)) counts.set(b, (counts.get(b) ?? 0) + 1);
    if (countsCache.size > 20_000) countsCache.clear();
    countsCache.set(label, counts);
  }
  return counts;
}

/** How much of `wanted` appears in `found`, 0..1, by bigram multiset containment. */
export function containment(wanted: string, found: string): number {
  const want = bigramCounts(wanted);
  if (want.size === 0) return 0;
  const have = bigramCounts(found);
  let hit = 0;
  let total = 0;
  for (const [b, n] of want) {
    total += n;
    hit += Math.min(n, have.get(b) ?? 0);
  }
  return hit / total;
}

/** Dice similarity of two labels, 0..1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length + y.length === 0) return 0;
  return (2 * containment(a, b) * x.length) / (x.length + y.length);
}

const CJK = /[\u3400-\u9fff]/u;
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Row numbering a label opens with: 1. 1、 一、 （一）. */
export const ROW_NUMBERING = /^\s*(?:\d+\s*[.、．]|[一二三四五六七八九十]+\s*、|[（(][一二三四五六七八九十]+[)）])/u;
