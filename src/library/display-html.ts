// The display HTML a library holds is input like any other: a library merged from a colleague, or
// opened from anywhere, may carry whatever markup someone wrote into its documents table. So it
// goes through the import's allow-list again on its way to the source pane (and into a library by
// merge): the same tags, the same attributes with the same shapes of value, plus the offsets the
// source pane reads (data-rd-*, digits only) and the one class the import gives (rd-source).
// What the import itself wrote passes unchanged.

import { parseColSpan, parseRowSpan } from '../core/ingest/html-grid'
import { DROPPED_TAGS, VOID_TAGS, displayTagOf, escapeText, openTag } from '../core/ingest/html-sanitise'
import { parseHtml, type HtmlElement } from '../core/ingest/html-tree'

/** The offsets into the document text, in the order the import writes them. */
const OFFSET_ATTRIBUTES = ['data-rd-start', 'data-rd-end', 'data-rd-table', 'data-rd-row', 'data-rd-col']
const OFFSET = /^\d{1,10}$/
/** The class the import puts on the document's root element (html-walk.ts). */
const SOURCE_CLASS = 'rd-source'

export function sanitiseStoredHtml(html: string): string {
  const out: string[] = []
  writeChildren(parseHtml(html), out)
  return out.join('')
}

// parseHtml bounds nesting (MAX_NESTING), so recursion here stays shallow.
function writeChildren(el: HtmlElement, out: string[]): void {
  for (const child of el.children) {
    if (child.type === 'text') out.push(escapeText(child.data))
    else writeElement(child, out)
  }
}

function writeElement(el: HtmlElement, out: string[]): void {
  if (DROPPED_TAGS.has(el.name)) return
  const tag = displayTagOf(el.name)
  if (!tag) return writeChildren(el, out) // unwrapped: its text kept
  const cell = tag === 'td' || tag === 'th'
  let open = openTag(tag, el.attribs, cell ? { colSpan: parseColSpan(el.attribs.colspan), rowSpan: parseRowSpan(el.attribs.rowspan) } : undefined)
  if (tag === 'div' && el.attribs.class === SOURCE_CLASS) open += ` class="${SOURCE_CLASS}"`
  for (const name of OFFSET_ATTRIBUTES) {
    const value = el.attribs[name]
    if (value !== undefined && OFFSET.test(value)) open += ` ${name}="${value}"`
  }
  out.push(open + '>')
  if (VOID_TAGS.has(tag)) return
  writeChildren(el, out)
  out.push(`</${tag}>`)
}
