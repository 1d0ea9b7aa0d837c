// The three tables of the official form, named once: the heading the form prints, and the short
// name reviewers, findings and papers use. Both templates (2021 and 2019) print the same headings.

import type { TableName } from './cells'

/** The table's heading as printed in the official form. */
export const TABLE_TITLES: Readonly<Record<TableName, string>> = {
  active: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况'
}

/** The table's short name: 表二, 表三, 表四. */
export const TABLE_SHORT_NAMES: Readonly<Record<TableName, string>> = { active: '表二', requests: '表三', appeals: '表四' }
