// The rule catalogue: every check the engine runs, with a stable id, for the UI and the docs.

export interface RuleInfo {
  id: string
  /** Short Chinese title. */
  title: string
  /** What the rule checks and how to read its findings, in Chinese. */
  description: string
}

export const RULES: readonly RuleInfo[] = [
  {
    id: 'requests.balance',
    title: '收支平衡（每列）',
    description: '表三每一列：一、本年新收 + 二、上年结转 = 三、（七）总计 + 四、结转下年度继续办理（表头所列关系）。'
  },
  {
    id: 'requests.results_sum',
    title: '办理结果合计（每列）',
    description:
      '表三每一列：（七）总计 = （一）予以公开 + （二）部分公开 + （三）不予公开 8 项 + （四）无法提供 3 项 + （五）不予处理 5 项 + （六）其他处理（2021 格式 3 项，2019 格式 1 项）。'
  },
  {
    id: 'requests.results_bound',
    title: '办结数不超过收到数（每列）',
    description: '表三每一列：（七）总计 ≤ 本年新收 + 上年结转。结转下年度为空白时仍可核对。'
  },
  {
    id: 'requests.row_sum',
    title: '申请人类别合计（每行）',
    description: '表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。'
  },
  {
    id: 'appeals.group_sum',
    title: '复议诉讼结果合计',
    description: '表四行政复议、未经复议直接起诉、复议后起诉三组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。'
  },
  {
    id: 'values.number',
    title: '数值类型',
    description: '件数为非负整数；2021 格式收费金额（万元）为非负数，可有小数；2019 格式“本年增/减”可正可负。空白、“/”不是数字，不算错误。'
  },
  {
    id: 'values.unit',
    title: '单位与表头不符',
    description: '表头单位为万元（2021 格式收费金额），单元格却写作“…元”：数值按原文保留、不自动折算，请核对报告原意。'
  },
  {
    id: 'values.unread',
    title: '含数字但未读出',
    description: '单元格原文含有数字，但没有读出数值：可能是提取问题，请核对原文。'
  },
  {
    id: 'cells.missing',
    title: '表格单元格缺失',
    description: '已找到的表格缺少模板中的单元格：可能表格没有读全。'
  },
  {
    id: 'tables.missing',
    title: '缺少必备表格',
    description: '二、三、四三张表都是年报格式必备的。未找到或为空的表，其单元格全部无法核验：请对照原文填入，或确认“原文无此表”并说明。'
  },
  {
    id: 'cells.placeholder',
    title: '件数单元格无数字（提示）',
    description: '表三、表四中应填件数的单元格为“/”“-”“—”或空白。每张表一条“存疑”，列出这些单元格：原文如此可接受，应有数字请填入。'
  },
  {
    id: 'cells.orphan',
    title: '未找到的表格却有单元格',
    description: '表格标记为未找到，却读出了它的单元格：表格识别与单元格提取互相矛盾，请核对。'
  },
  {
    id: 'active.items_change',
    title: '项目数量不为负（2019 格式）',
    description: '2019 格式表二：上一年项目数量 + 本年增/减 为本年项目数量，不能为负数。'
  },
  {
    id: 'active.published_within_total',
    title: '新公开数不超过公开总数（2019 格式，提示）',
    description: '2019 格式表二：本年新公开数量一般不超过对外公开总数量。不符时为“存疑”。'
  },
  {
    id: 'text.received',
    title: '正文收到申请数',
    description: '正文所述收到（受理、新收）申请件数与表三本年新收总计比较；等于本年新收 + 上年结转时也视为相符。措辞含糊时为“存疑”并引用原句。'
  },
  { id: 'text.concluded', title: '正文办结数', description: '正文所述办结件数与表三（七）总计比较。' },
  { id: 'text.carried_forward', title: '正文结转下年度数', description: '正文所述结转下年度件数与表三四、结转下年度继续办理总计比较。' },
  { id: 'text.carried_over', title: '正文上年结转数', description: '正文所述上年结转件数与表三二、上年结转总计比较。' },
  { id: 'text.review', title: '正文行政复议数', description: '正文所述因政府信息公开引起的行政复议件数与表四行政复议总计比较。' },
  {
    id: 'text.litigation',
    title: '正文行政诉讼数',
    description: '正文所述行政诉讼件数与表四未经复议直接起诉总计 + 复议后起诉总计比较；只等于其中一项时为“存疑”。'
  },
  { id: 'text.regulations_in_force', title: '正文现行有效规章数（提示）', description: '正文所述现行有效规章件数与表二比较；口径常不同，不符时只提示“存疑”。' },
  {
    id: 'text.normative_in_force',
    title: '正文现行有效规范性文件数（提示）',
    description: '正文所述现行有效规范性文件件数与表二比较；口径常不同，不符时只提示“存疑”。'
  },
  { id: 'text.normative_issued', title: '正文制发规范性文件数（提示）', description: '正文所述本年制发规范性文件件数与表二比较；不符时只提示“存疑”。' },
  {
    id: 'text.problems_section',
    title: '第五部分内容过少（提示）',
    description: '第五部分“存在的主要问题及改进情况”只写“无”或几乎没有内容时提示“存疑”。'
  },
  {
    id: 'years.carry_over',
    title: '跨年度结转衔接',
    description: '同一机关：本年上年结转 = 上一年度报告的结转下年度继续办理，逐列核对。'
  },
  {
    id: 'years.in_force',
    title: '跨年度现行有效件数（提示）',
    description: '同一机关：现行有效件数 ≈ 上年现行有效件数 + 本年制发 − 本年废止（规章、行政规范性文件）。可因清理等原因合理不同，不符时为“存疑”。'
  },
  {
    id: 'years.items',
    title: '跨年度项目数量（2019 格式，提示）',
    description: '同一机关：本年上一年项目数量 ≈ 上年报告的上一年项目数量 + 本年增/减。不符时为“存疑”。'
  }
]

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id))
