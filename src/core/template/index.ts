import { CELL_SPECS, type CellSpec, type TableName, type TemplateId } from './cells'

export * from './cells'
export * from './tables'

export const TABLE_NAMES: readonly TableName[] = ['active', 'requests', 'appeals']

/** The table a cell key belongs to: the first segment of its key. */
export function tableOf(key: string): TableName {
  // Called for every cell by every check: a prefix test, not a split.
  for (const table of TABLE_NAMES) if (key.startsWith(table) && key.charCodeAt(table.length) === 46) return table
  return key.slice(0, key.indexOf('.')) as TableName
}

function specsOf(template: CellSpec['template']): Map<string, CellSpec> {
  return new Map(CELL_SPECS.filter((c) => c.template === template).map((c) => [c.key, c]))
}

const SPECS = { '2021': specsOf('2021'), '2019': specsOf('2019'), both: specsOf('both') }

/** The spec of a cell under a template (a key such as active.licensing.decisions exists in both, differently). */
export function cellSpec(key: string, template: TemplateId): CellSpec | undefined {
  return SPECS[template].get(key) ?? SPECS.both.get(key)
}

/** Every cell key of a template, in the order of the official form. */
export function templateKeys(template: TemplateId): string[] {
  return CELL_SPECS.filter((c) => c.template === template || c.template === 'both').map((c) => c.key)
}
