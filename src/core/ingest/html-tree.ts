// A minimal element tree from htmlparser2's tokenizer. domhandler's node classes cost about a
// quarter of the whole ingest time; plain objects do the same job for our one walk.

import { Parser, Tokenizer, type TokenizerCallbacks } from 'htmlparser2'
import type { SubtreeStats } from './html-chrome'
import { DROPPED_TAGS } from './html-sanitise'
import { BLOCK_TAGS } from './html-walk'

export interface HtmlElement {
  type: 'tag'
  name: string
  attribs: Record<string, string>
  children: HtmlNode[]
  parent: HtmlElement | null
  /** Filled by subtreeStats (html-chrome): cached on the node, cheaper than a WeakMap. */
  stats?: SubtreeStats
}

export interface HtmlText {
  type: 'text'
  data: string
}

export type HtmlNode = HtmlElement | HtmlText

/**
 * How deep elements may nest. Real reports nest under 20 levels (saved portal pages included);
 * browsers stop at 512. Deeper elements are flattened into their ancestor (see parseHtmlTree).
 */
export const MAX_NESTING = 256

export interface ParsedHtml {
  root: HtmlElement
  /** Elements flattened because they sat deeper than the nesting limit (0 for real pages). */
  flattened: number
}

/** Parses markup into a tree under a synthetic root named "#root". Comments are dropped. */
export function parseHtml(html: string): HtmlElement {
  return parseHtmlTree(html).root
}

/** One flattened element of that name is closed; false when none is open. */
function release(counts: Map<string, number>, name: string): boolean {
  const open = counts.get(name)
  if (!open) return false
  if (open === 1) counts.delete(name)
  else counts.set(name, open - 1)
  return true
}

/** htmlparser2's own void elements: they never go on its stack, so they never deepen it. */
const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input',
  'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'
])

/**
 * parseHtml with the nesting bound. htmlparser2 keeps its open elements in an array it
 * unshifts and shifts, so every tag costs time in proportion to the depth: 200 000 unclosed
 * <div> took 20 s. Its tokenizer is linear, so tags that would open deeper than maxDepth are
 * kept from the parser: their text joins the deepest element allowed (a block tag leaves a
 * <br> so lines stay apart), and their end tags are swallowed. One level more is allowed for
 * dropped tags (script, style, svg, …) so what they hold stays dropped.
 */
export function parseHtmlTree(html: string, maxDepth: number = MAX_NESTING): ParsedHtml {
  const root: HtmlElement = { type: 'tag', name: '#root', attribs: {}, children: [], parent: null }
  let current = root
  /** Open elements (= the parser's stack): the root is depth 0. */
  let depth = 0
  let flattened = 0
  /** Flattened elements still open, by name, per depth past maxDepth (index 0 or 1). */
  const hidden: Map<string, number>[] = []
  /** Inside a flattened open tag: its attributes and end are kept from the parser too. */
  let inHiddenTag = false
  let lastHidden = ''
  let lastBreak: HtmlElement | null = null

  const lineBreak = (): void => {
    const siblings = current.children
    if (lastBreak && siblings[siblings.length - 1] === lastBreak) return
    lastBreak = { type: 'tag', name: 'br', attribs: {}, children: [], parent: current }
    siblings.push(lastBreak)
  }

  /** True when the tag is kept from the parser (flattened). */
  const hideOpen = (start: number, end: number): boolean => {
    if (depth < maxDepth) return false
    const name = html.slice(start, end).toLowerCase()
    if (VOID.has(name) || (depth === maxDepth && DROPPED_TAGS.has(name))) return false
    const level = depth - maxDepth
    const counts = (hidden[level] ??= new Map())
    counts.set(name, (counts.get(name) ?? 0) + 1)
    lastHidden = name
    flattened++
    if (BLOCK_TAGS.has(name)) lineBreak()
    return true
  }

  /** True when the end tag closes a flattened element (and is kept from the parser). */
  const hideClose = (start: number, end: number): boolean => {
    if (depth < maxDepth) return false
    const counts = hidden[depth - maxDepth]
    if (!counts || counts.size === 0) return false
    const name = html.slice(start, end).toLowerCase()
    if (!release(counts, name)) return false
    if (BLOCK_TAGS.has(name)) lineBreak()
    return true
  }

  class DepthBoundTokenizer extends Tokenizer {
    constructor(options: ConstructorParameters<typeof Tokenizer>[0], parser: TokenizerCallbacks) {
      super(options, {
        onattribdata: (s, e) => inHiddenTag || parser.onattribdata(s, e),
        onattribentity: (cp) => inHiddenTag || parser.onattribentity(cp),
        onattribend: (q, e) => inHiddenTag || parser.onattribend(q, e),
        onattribname: (s, e) => inHiddenTag || parser.onattribname(s, e),
        oncdata: (s, e, o) => parser.oncdata(s, e, o),
        onclosetag: (s, e) => hideClose(s, e) || parser.onclosetag(s, e),
        oncomment: (s, e, o) => parser.oncomment(s, e, o),
        ondeclaration: (s, e) => parser.ondeclaration(s, e),
        onend: () => parser.onend(),
        onopentagend: (e) => {
          if (inHiddenTag) inHiddenTag = false
          else parser.onopentagend(e)
        },
        onopentagname: (s, e) => {
          if (hideOpen(s, e)) inHiddenTag = true
          else parser.onopentagname(s, e)
        },
        onprocessinginstruction: (s, e) => parser.onprocessinginstruction(s, e),
        onselfclosingtag: (e) => {
          if (!inHiddenTag) return parser.onselfclosingtag(e)
          inHiddenTag = false
          // <x/> closes only in svg/math (HTML ignores the slash); there, nothing stays open.
          const counts = hidden[depth - maxDepth]
          if (counts && parser.isInForeignContext?.()) release(counts, lastHidden)
        },
        ontext: (s, e) => parser.ontext(s, e),
        ontextentity: (cp, e) => parser.ontextentity(cp, e),
        isInForeignContext: () => parser.isInForeignContext?.() ?? false
      })
    }
  }

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const el: HtmlElement = { type: 'tag', name, attribs, children: [], parent: current }
        current.children.push(el)
        current = el
        depth++
      },
      onclosetag() {
        if (!current.parent) return
        current = current.parent
        depth--
        // Closing an element closes whatever was flattened into it.
        if (hidden.length > depth - maxDepth + 1) hidden.length = Math.max(0, depth - maxDepth + 1)
      },
      ontext(data) {
        const siblings = current.children
        const last = siblings[siblings.length - 1]
        if (last && last.type === 'text') last.data += data
        else siblings.push({ type: 'text', data })
      }
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, Tokenizer: DepthBoundTokenizer }
  )
  parser.end(html)
  return { root, flattened }
}

/** The first element of that name, searched depth-first without recursion. */
export function findFirst(root: HtmlElement, name: string): HtmlElement | null {
  const stack: HtmlNode[] = [root]
  while (stack.length) {
    const node = stack.pop()!
    if (node.type !== 'tag') continue
    if (node.name === name) return node
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  return null
}

/** Concatenated text of an element's direct text children. */
export function ownText(el: HtmlElement): string {
  let out = ''
  for (const child of el.children) if (child.type === 'text') out += child.data
  return out
}
