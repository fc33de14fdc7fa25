/**
 * Random report openings as agencies publish them: an agency (province, city, county or district
 * government, its office, a 局, a 委员会, a 街道办事处, a 乡镇 …) and a report year, in one of the
 * title styles seen in real reports (one line or broken over two, year first or last, “2024 年”,
 * full-width or Chinese-numeral years, a 标题： prefix), wrapped in web-page chrome (当前位置,
 * navigation, 来源/发布机构 naming another body, the publication date of the next year, 打印/关闭)
 * and followed by an overview that names the agency and the year in sentences. The truth is the
 * agency as the title prints it (short forms written out) and the report year — or null when the
 * page itself does not say who published the report.
 */

export interface ReportHeaderCase {
  text: string;
  /** the same page as HTML: the title in <title>/meta, in the body only when `titleInBody` */
  html: string;
  titleInBody: boolean;
  agency: string | null;
  year: number;
  style: string;
}

type Random = () => number;

const PROVINCES = ['江苏省', '浙江省', '福建省', '河南省', '四川省', '广西壮族自治区', '黑龙江省', '新疆维吾尔自治区'];
const CITIES = ['淮安市', '杭州市', '泉州市', '郑州市', '成都市', '柳州市', '鹤岗市', '昌吉回族自治州', '延边朝鲜族自治州', '宿迁市'];
const COUNTIES = ['洪泽区', '西湖区', '晋江市', '金水区', '武侯区', '鹿寨县', '萝北县', '玛纳斯县', '平潭县', '沭阳县'];
const TOWNS = ['高良涧', '蒋坝', '三河', '老子山', '岔河', '黄集', '东双沟'];
const STREETS = ['北山', '灵隐', '城东', '文化路', '新华', '望江路'];
const BUREAUS = [
  '财政局',
  '教育局',
  '民政局',
  '商务局',
  '统计局',
  '应急管理局',
  '自然资源和规划局',
  '市场监督管理局',
  '住房和城乡建设局',
  '农业农村局',
  '文化广电和旅游局',
  '生态环境局',
  '交通运输局',
  '人力资源和社会保障局',
  '机关事务管理局',
  '医疗保障局',
];
const COMMITTEES = ['发展和改革委员会', '卫生健康委员会', '民族宗教事务委员会', '教育委员会'];
/** short forms a title may print, with the name they stand for */
const SHORT: [string, string][] = [
  ['科委', '科学技术委员会'],
  ['发改委', '发展和改革委员会'],
  ['卫健委', '卫生健康委员会'],
];
const NAV = ['首页', '政务公开', '新闻中心', '互动交流', '办事服务', '走进政府', '政府信息公开年报', '专题专栏'];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A deterministic generator (mulberry32), so a failing case can be replayed from its seed. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An agency as printed, the name it stands for, and the government above it (for chrome). */
function agency(random: Random): { printed: string; name: string; parent: string } {
  const city = pick(random, CITIES);
  const county = pick(random, COUNTIES);
  const province = pick(random, PROVINCES);
  const kind = Math.floor(random() * 9);
  const plain = (printed: string, parent: string) => ({ printed, name: printed, parent });
  switch (kind) {
    case 0:
      return plain(`${province}人民政府${pick(random, ['', '办公厅'])}`, '中国政府网');
    case 1:
      return plain(`${city}人民政府${pick(random, ['', '办公室'])}`, `${province}人民政府`);
    case 2:
      return plain(`${pick(random, ['', city])}${county}人民政府`, `${city}人民政府`);
    case 3:
      return plain(`${pick(random, [city, county])}${pick(random, BUREAUS)}`, `${city}人民政府`);
    case 4:
      return plain(`${pick(random, [city, county])}${pick(random, COMMITTEES)}`, `${city}人民政府`);
    case 5:
      return plain(`${county}${pick(random, STREETS)}街道办事处`, `${county}人民政府`);
    case 6:
      return plain(`${pick(random, ['', county])}${pick(random, TOWNS)}${pick(random, ['镇', '乡'])}人民政府`, `${county}人民政府`);
    case 7:
      return plain(`${city}经济技术开发区管理委员会`, `${city}人民政府`);
    default: {
      const [short, full] = pick(random, SHORT);
      const place = pick(random, [city, province.replace(/省$/u, '市')]);
      return { printed: `${place}${short}`, name: `${place}${full}`, parent: `${city}人民政府` };
    }
  }
}

function yearText(random: Random, year: number): string {
  const digits = String(year);
  switch (Math.floor(random() * 5)) {
    case 0:
      return `${digits} 年`;
    case 1:
      return `${[...digits].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')}年`;
    case 2:
      return `${[...digits].map((d) => '〇一二三四五六七八九'[Number(d)]).join('')}年`;
    default:
      return `${digits}年`;
  }
}

/** Title lines and the style's name; `who` null prints no agency in the title at all. */
function titleLines(random: Random, who: string | null, year: number): { lines: string[]; style: string } {
  const y = yearText(random, year);
  const prefix = random() < 0.2 ? pick(random, ['标题：', '标题: ', '标题:']) : '';
  if (who === null) return { lines: [`${prefix}${y}${pick(random, ['', '度'])}政府信息公开工作年度报告`], style: 'no agency' };
  const styles: [string, () => string[]][] = [
    ['agency year', () => [`${prefix}${who}${y}政府信息公开工作年度报告`]],
    ['agency year 年度…工作报告', () => [`${prefix}${who}${y}度政府信息公开工作报告`]],
    ['year agency', () => [`${prefix}${y}${who}政府信息公开工作年度报告`]],
    ['agency above', () => [who, `${y}政府信息公开工作年度报告`]],
    ['year in brackets', () => [`${prefix}${who}政府信息公开工作年度报告（${y}度）`]],
    ['split after 工作', () => [`${prefix}${y}${who}政府信息公开工作`, '年度报告']],
    ['split after 公开', () => [`${prefix}${who}${y}政府信息公开`, '工作年度报告']],
    ['关于', () => [`${prefix}${who}关于${y}度政府信息公开工作年度报告`]],
    ['space between', () => [`${prefix}${who} ${y}政府信息公开工作年度报告`]],
    ['letter-spaced (a centred PDF title)', () => [[...`${who}${y}政府信息公开工作年度报告`].join(' ')]],
    ['政务公开暨', () => [`${prefix}${who}${y}政务公开暨政府信息公开工作年度报告`]],
    ['date before, note after', () => [`${year + 1}-01-1${Math.floor(random() * 10)} ${who}${y}度政府信息公开工作年度报告（全文）`]],
    ['agency and year above', () => [who, `${y}度`, '政府信息公开工作年度报告']],
    // the year only in the body: the statistics period, or the year opening 一、总体情况
    ['no year in the title', () => [`${prefix}${who}政府信息公开工作年度报告`]],
  ];
  const [style, make] = pick(random, styles);
  return { lines: make(), style };
}

export function randomReportHeader(random: Random): ReportHeaderCase {
  const year = 2019 + Math.floor(random() * 7);
  const who = agency(random);
  const anonymous = random() < 0.08;
  const { lines: title, style } = titleLines(random, anonymous ? null : who.printed, year);
  const published = `${year + 1}-0${1 + Math.floor(random() * 3)}-${10 + Math.floor(random() * 18)}`;
  const before: string[] = [];
  if (random() < 0.5) before.push(`${who.parent}门户网站`);
  if (random() < 0.5) before.push(...NAV.filter(() => random() < 0.5));
  if (random() < 0.6) before.push(`当前位置：首页 > ${pick(random, ['政务公开', '信息公开'])} > 政府信息公开年报`);
  const after: string[] = [];
  if (random() < 0.6)
    after.push(`来源：${who.parent}  发布时间：${published} 10:2${Math.floor(random() * 10)}  浏览次数：${Math.floor(random() * 900)}`);
  if (random() < 0.4) after.push(`发布机构：${who.parent}`, `索引号：${Math.floor(random() * 1e8)}/${year + 1}-0042`);
  if (random() < 0.4) after.push('字号：大 中 小', '【打印】【关闭】');
  let head = [...before, ...title, ...after];
  // a crawler's text of the whole page on one line, the title inside it (pingtan-2021.txt)
  if (random() < 0.15)
    head = [`当前位置： 首页政务公开政府信息公开年报 ${title.join('')} 来源：${who.parent} 时间：${published} 16:34 微信 微博 QQ空间`];
  const body = [
    `根据《${who.parent}办公室关于做好${year}年政府信息公开工作年度报告编制发布工作的通知》要求，现将本机关报告公布如下。`,
    ...(random() < 0.5 ? [`本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`] : []),
    '一、总体情况',
    `${year}年，${who.printed}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。`,
    '二、主动公开政府信息情况',
  ];
  const text = [...head, '', ...body].join('\n');
  const titleInBody = random() < 0.7;
  const pageTitle = `${title.join('')}_${who.parent}门户网站`;
  const meta =
    random() < 0.5 ? `<meta name="ArticleTitle" content="${title.join('')}"><meta name="ContentSource" content="${who.parent}">` : '';
  const bodyHead = titleInBody ? head : head.filter((l) => !title.includes(l));
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${pageTitle}</title>${meta}</head><body>${bodyHead.map((l) => `<div>${l}</div>`).join('')}${body.map((l) => `<p>${l}</p>`).join('')}<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table></body></html>`;
  return { text, html, titleInBody, agency: anonymous ? null : who.name, year, style };
}
