/** What each rule checks, in the reviewer's words; families (`structure.`, `value.`…) by prefix. */
const EXPLANATIONS: Record<string, string> = {
  'applications.balance':
    '表三每一列：第一项（本年新收）加第二项（上年结转）之和，应等于第三项（七）总计加第四项（结转下年度继续办理）之和。',
  'applications.resultTotal': '表三每一列：（七）总计应等于（一）至（六）各项之和（不含发布者自加的小计行）。',
  'applications.rowTotal': '表三每一行：总计应等于自然人与五类法人或其他组织之和。',
  'applications.carryForwardLimit': '表三每一列：第四项（结转下年度继续办理）不能多于第一项（本年新收）与第二项（上年结转）之和。',
  'reviewLitigation.total': '表四每一组：总计应等于结果维持、结果纠正、其他结果、尚未审结之和。',
  'applications.carryOverContinuity': '同一机关相邻两年：本年“上年结转”应等于上年报告的“结转下年度继续办理”。',
  'proactive.inForceContinuity':
    '相邻两年（2021 版格式）：本年现行有效件数应等于上年现行有效件数加本年制发减本年废止（经验规则，非官方要求）。',
  'narrative.tableMismatch': '“一、总体情况”中写明的数字应与表格中的对应数字一致。',
  'ocr.lowConfidence': '该数字由 OCR 识别，置信度低于阈值，请对照原件核实。',
  'value.runTogether': '原文（多为网页文本）中一行的数字连在一起、丢失了单元格分隔；只有一种拆分能使表格的全部勾稽关系成立时才按其拆分。',
  'value.ambiguousRun': '连写的数字有多种拆分都能使勾稽关系成立：无法确定，不予猜测，相应单元格未读取。',
  'value.inconsistentRun': '连写的数字无论怎样拆分都不能使表格的勾稽关系全部成立：表格本身有误，或文本丢失了数字。',
  'value.runSearchLimit': '连写的数字可能的拆分太多，超出搜索上限，相应单元格未读取。',
  'value.lostCell': '转换工具生成的表格中该单元格为空；按 0 计则勾稽关系不成立，而经过它的各个勾稽关系都给出同一个值，故按该值计。',
  'structure.': '报告结构：缺少章节、表格、行或单元格，标签不规范，或格式无法识别。',
  'value.': '单元格取值：应为非负整数（金额可为小数）；空白单元格按 0 计并提示。',
  'document.': '文件本身无法读取（为空、损坏、加密、过大、无表格或需要 OCR 等）。',
  'ocr.': 'OCR 识别相关的问题。',
};

/** A one-sentence explanation of a rule id, or undefined for an unknown rule. */
export function explainRule(rule: string): string | undefined {
  if (EXPLANATIONS[rule] !== undefined) return EXPLANATIONS[rule];
  const family = Object.keys(EXPLANATIONS).find((key) => key.endsWith('.') && rule.startsWith(key));
  return family === undefined ? undefined : EXPLANATIONS[family];
}
