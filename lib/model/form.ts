/**
 * The State Council form as data: every row and column id of the spec with its printed label and
 * the variant spellings seen in published reports. The table locator matches against these.
 */

export type FormatVersion = '2019' | '2021';

export interface ColumnDef<Id extends string = string> {
  readonly id: Id;
  readonly label: string;
  readonly variants?: readonly string[];
}

export interface RowDef<Id extends string = string> {
  /** dotted path under its table, e.g. `results.denied.stateSecret` */
  readonly id: Id;
  /** the group label printed before the item, e.g. （三）不予公开 */
  readonly group?: string;
  readonly label: string;
  readonly variants?: readonly string[];
}

// The identity functions below only make TypeScript keep every `id` as its literal type, so the ids
// form the id types and `CellPath` of cell-path.ts.
function columns<Id extends string>(defs: readonly ColumnDef<Id>[]): readonly ColumnDef<Id>[] {
  return defs;
}
function rows<Id extends string>(defs: readonly RowDef<Id>[]): readonly RowDef<Id>[] {
  return defs;
}

export const APPLICANT_COLUMNS = columns([
  { id: 'naturalPerson', label: '自然人' },
  { id: 'commercialEnterprise', label: '商业企业' },
  { id: 'researchInstitution', label: '科研机构' },
  { id: 'socialWelfareOrganization', label: '社会公益组织' },
  { id: 'legalServiceInstitution', label: '法律服务机构' },
  { id: 'otherOrganization', label: '其他' },
  { id: 'total', label: '总计' },
]);

const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

const COMMON_HEAD = rows([
  { id: 'newlyReceived', label: '一、本年新收政府信息公开申请数量' },
  { id: 'carriedOver', label: '二、上年结转政府信息公开申请数量' },
  { id: 'results.granted', group: '三、本年度办理结果', label: '（一）予以公开' },
  { id: 'results.partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { id: 'results.denied.stateSecret', group: DENIED, label: '1.属于国家秘密' },
  { id: 'results.denied.prohibitedByLaw', group: DENIED, label: '2.其他法律行政法规禁止公开' },
  { id: 'results.denied.endangersSafety', group: DENIED, label: '3.危及“三安全一稳定”' },
  { id: 'results.denied.thirdPartyRights', group: DENIED, label: '4.保护第三方合法权益' },
  { id: 'results.denied.internalAffairs', group: DENIED, label: '5.属于三类内部事务信息' },
  { id: 'results.denied.processInformation', group: DENIED, label: '6.属于四类过程性信息' },
  { id: 'results.denied.enforcementCaseFiles', group: DENIED, label: '7.属于行政执法案卷' },
  { id: 'results.denied.administrativeQuery', group: DENIED, label: '8.属于行政查询事项' },
  { id: 'results.unableToProvide.notHeld', group: UNABLE, label: '1.本机关不掌握相关政府信息' },
  { id: 'results.unableToProvide.needsCreation', group: UNABLE, label: '2.没有现成信息需要另行制作' },
  { id: 'results.unableToProvide.stillUnclear', group: UNABLE, label: '3.补正后申请内容仍不明确' },
  { id: 'results.notProcessed.petitionOrComplaint', group: NOT_PROCESSED, label: '1.信访举报投诉类申请' },
  { id: 'results.notProcessed.repeated', group: NOT_PROCESSED, label: '2.重复申请' },
  { id: 'results.notProcessed.publication', group: NOT_PROCESSED, label: '3.要求提供公开出版物' },
  { id: 'results.notProcessed.massRepeated', group: NOT_PROCESSED, label: '4.无正当理由大量反复申请' },
  { id: 'results.notProcessed.confirmation', group: NOT_PROCESSED, label: '5.要求行政机关确认或重新出具已获取信息' },
]);

const TAIL = rows([
  { id: 'results.total', label: '（七）总计' },
  { id: 'carriedForward', label: '四、结转下年度继续办理' },
]);

/** Table 3 rows in printed order, per format. */
export const APPLICATION_ROWS = {
  '2021': rows([
    ...COMMON_HEAD,
    {
      id: 'results.otherHandling.noCorrection',
      group: OTHER,
      label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      variants: ['1.逾期不补正'],
    },
    {
      id: 'results.otherHandling.unpaidFees',
      group: OTHER,
      label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      variants: ['2.逾期不缴费'],
    },
    { id: 'results.otherHandling.other', group: OTHER, label: '3.其他' },
    ...TAIL,
  ]),
  '2019': rows([...COMMON_HEAD, { id: 'results.otherHandling', label: OTHER }, ...TAIL]),
};

/** Group sizes of table 3, used to recognise a publisher's own subtotal row by its sums. */
export const APPLICATION_GROUPS: Record<FormatVersion, readonly { label: string; prefix: string }[]> = {
  '2021': [
    { label: DENIED, prefix: 'results.denied.' },
    { label: UNABLE, prefix: 'results.unableToProvide.' },
    { label: NOT_PROCESSED, prefix: 'results.notProcessed.' },
    { label: OTHER, prefix: 'results.otherHandling.' },
  ],
  '2019': [
    { label: DENIED, prefix: 'results.denied.' },
    { label: UNABLE, prefix: 'results.unableToProvide.' },
    { label: NOT_PROCESSED, prefix: 'results.notProcessed.' },
  ],
};

export interface ProactiveRowDef<Id extends string = string, ColumnId extends string = string> extends RowDef<Id> {
  readonly block: string;
  readonly columns: readonly ColumnDef<ColumnId>[];
}
function proactiveRows<Id extends string, ColumnId extends string>(
  defs: readonly ProactiveRowDef<Id, ColumnId>[],
): readonly ProactiveRowDef<Id, ColumnId>[] {
  return defs;
}

const ISSUED_COLUMNS = columns([
  { id: 'issued', label: '本年制发件数' },
  { id: 'repealed', label: '本年废止件数', variants: ['本年度止件数'] },
  { id: 'inForce', label: '现行有效件数' },
]);
const DECISIONS = columns([{ id: 'decisions', label: '本年处理决定数量' }]);
const MADE_COLUMNS = columns([
  { id: 'newlyMade', label: '本年新制作数量' },
  { id: 'newlyPublished', label: '本年新公开数量' },
  { id: 'totalPublished', label: '对外公开总数量' },
]);
const ITEM_COLUMNS = columns([
  { id: 'previousYearItems', label: '上一年项目数量' },
  { id: 'change', label: '本年增/减' },
  { id: 'decisions', label: '处理决定数量' },
]);

/** Table 2 rows in printed order, per format. */
export const PROACTIVE_ROWS = {
  '2021': proactiveRows([
    { id: 'regulations', block: '第二十条第（一）项', label: '规章', columns: ISSUED_COLUMNS },
    { id: 'normativeDocuments', block: '第二十条第（一）项', label: '行政规范性文件', columns: ISSUED_COLUMNS },
    { id: 'licensing', block: '第二十条第（五）项', label: '行政许可', columns: DECISIONS },
    { id: 'punishment', block: '第二十条第（六）项', label: '行政处罚', columns: DECISIONS },
    { id: 'compulsion', block: '第二十条第（六）项', label: '行政强制', columns: DECISIONS },
    {
      id: 'fees',
      block: '第二十条第（八）项',
      label: '行政事业性收费',
      columns: columns([{ id: 'amountTenThousandYuan', label: '本年收费金额（单位：万元）' }]),
    },
  ]),
  '2019': proactiveRows([
    { id: 'regulations', block: '第二十条第（一）项', label: '规章', columns: MADE_COLUMNS },
    { id: 'normativeDocuments', block: '第二十条第（一）项', label: '规范性文件', columns: MADE_COLUMNS },
    { id: 'licensing', block: '第二十条第（五）项', label: '行政许可', columns: ITEM_COLUMNS },
    { id: 'otherExternalServices', block: '第二十条第（五）项', label: '其他对外管理服务事项', columns: ITEM_COLUMNS },
    { id: 'punishment', block: '第二十条第（六）项', label: '行政处罚', columns: ITEM_COLUMNS },
    { id: 'compulsion', block: '第二十条第（六）项', label: '行政强制', columns: ITEM_COLUMNS },
    { id: 'fees', block: '第二十条第（八）项', label: '行政事业性收费', columns: ITEM_COLUMNS.slice(0, 2) },
    {
      id: 'procurement',
      block: '第二十条第（九）项',
      label: '政府集中采购',
      columns: columns([
        { id: 'projects', label: '采购项目数量' },
        { id: 'totalAmount', label: '采购总金额' },
      ]),
    },
  ]),
};

/** Columns that may hold decimals (amounts) or negative numbers (2019 本年增/减). */
export const DECIMAL_COLUMNS: ReadonlySet<string> = new Set(['amountTenThousandYuan', 'totalAmount']);
export const SIGNED_COLUMNS: ReadonlySet<string> = new Set(['change']);

export const REVIEW_GROUPS = columns([
  { id: 'review', label: '行政复议' },
  { id: 'litigationDirect', label: '未经复议直接起诉' },
  { id: 'litigationAfterReview', label: '复议后起诉' },
]);

export const REVIEW_COLUMNS = columns([
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
]);

/** Section titles; numbering 一…六 is usual but the wording varies. */
export const SECTIONS = [
  { id: 'overview', label: '一、总体情况', keys: ['总体情况'] },
  { id: 'proactive', label: '二、主动公开政府信息情况', keys: ['主动公开政府信息情况'] },
  { id: 'applications', label: '三、收到和处理政府信息公开申请情况', keys: ['收到和处理政府信息公开申请'] },
  { id: 'reviewLitigation', label: '四、政府信息公开行政复议、行政诉讼情况', keys: ['行政复议、行政诉讼情况', '行政复议行政诉讼情况'] },
  { id: 'problems', label: '五、存在的主要问题及改进情况', keys: ['存在的主要问题'] },
  { id: 'other', label: '六、其他需要报告的事项', keys: ['其他需要报告的事项'] },
] as const;
