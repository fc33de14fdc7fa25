/**
 * Whether a piece of text is an agency's name as reports print it before their title — and
 * nothing else: not page chrome, not a fragment of a sentence. A name ends the way Chinese
 * government bodies' names end (…人民政府, …局, …委员会, …街道办事处, …镇 …) and holds no
 * sentence punctuation, no verb of a sentence, no navigation word. Null is better than wrong: a
 * name that fails any test is not taken.
 */

/** The last characters of an agency's name (人民政府, 办公室, 局, 委员会, 街道, 镇, 开发区 …). */
const NAME_END =
  /(?:府|局|委|会|厅|部|院|办|室|处|心|站|所|队|署|馆|社|团|司|行|区|县|市|旗|镇|乡|街道|省|州|盟|场|狱|校|学|关|园|庭|科|组|联|协|库|台|厂|苏木|嘎查)$/u;
/** Sentence punctuation, brackets of titles, separators of page chrome: never inside a name. */
const NOT_IN_NAME = /[，,。；;：:！!？?“”"《》<>「」『』【】|/\\=_#*…\d]/u;
/** Words of sentences and of page chrome (当前位置, 来源 …) that are never part of a name. */
const NOT_A_NAME =
  /标题|题目|名称|正文|根据|按照|依据|依照|关于|现将|编制|做好|开展|要求|通知|本报告|本机关|本单位|我局|我委|我区|我市|我县|我镇|我乡|我办|我院|我厅|以下|特此|公布|发布|印发|当前|位置|首页|来源|时间|日期|浏览|打印|关闭|分享|字号|栏目|专栏|年报|政务公开|信息公开|索引|文号|点击|下载|附件|链接|网站|主办|承办|版权|的|了|是|在|对|将|已|并|及其/u;
/** Too generic to tell one agency from another. */
const GENERIC = /^(?:本级|省|市|区|县|镇|乡|州|旗)?(?:人民)?政府(?:办公室|办公厅)?$/u;
const MIN_CHARS = 3;
const MAX_CHARS = 40;

/** Standard short forms printed in titles (上海市科委), written out (上海市科学技术委员会). */
const SHORT_FORMS: [RegExp, string][] = [
  [/科委$/u, '科学技术委员会'],
  [/发改委$/u, '发展和改革委员会'],
  [/卫健委$/u, '卫生健康委员会'],
  [/卫计委$/u, '卫生和计划生育委员会'],
  [/经信委$/u, '经济和信息化委员会'],
  [/住建委$/u, '住房和城乡建设委员会'],
  [/国资委$/u, '国有资产监督管理委员会'],
  [/民宗委$/u, '民族宗教事务委员会'],
  [/教委$/u, '教育委员会'],
  [/网信办$/u, '网络安全和信息化委员会办公室'],
  [/发改局$/u, '发展和改革局'],
  [/住建局$/u, '住房和城乡建设局'],
  [/人社局$/u, '人力资源和社会保障局'],
  [/卫健局$/u, '卫生健康局'],
  [/市监局$/u, '市场监督管理局'],
];

/** The name, short forms written out, when `text` is an agency's name; else null. */
export function agencyName(text: string): string | null {
  const name = text.replace(/\s+/gu, '');
  const chars = [...name].length;
  if (chars < MIN_CHARS || chars > MAX_CHARS) return null;
  if (!/^[\p{Script=Han}（）()·]+$/u.test(name)) return null;
  if (NOT_IN_NAME.test(name) || NOT_A_NAME.test(name) || GENERIC.test(name) || !NAME_END.test(name)) return null;
  for (const [short, full] of SHORT_FORMS) if (short.test(name)) return name.replace(short, full);
  return name;
}
