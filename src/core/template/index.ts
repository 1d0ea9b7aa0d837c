import { CELL_SPECS, type CellSpec, type TableName, type TemplateId } from './cells'

export * from './cells'

export const TABLE_NAMES: readonly TableName[] = ['active', 'requests', 'appeals']

/** The table a cell key belongs to: the first segment of its key. */
export function tableOf(key: string): TableName {
  return key.split('.')[0] as TableName
}

const byKey = new Map(CELL_SPECS.map((c) => [c.key + '|' + c.template, c]))

/** The spec of a cell under a template (a key such as active.licensing.decisions exists in both, differently). */
export function cellSpec(key: string, template: TemplateId): CellSpec | undefined {
  return byKey.get(key + '|' + template) ?? byKey.get(key + '|both')
}

/** Every cell key of a template, in the order of the official form. */
export function templateKeys(template: TemplateId): string[] {
  return CELL_SPECS.filter((c) => c.template === template || c.template === 'both').map((c) => c.key)
}
