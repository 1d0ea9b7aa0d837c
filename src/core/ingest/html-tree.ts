// A minimal element tree from htmlparser2's tokenizer. domhandler's node classes cost about a
// quarter of the whole ingest time; plain objects do the same job for our one walk.

import { Parser, Tokenizer, type TokenizerCallbacks } from 'htmlparser2'
import { DROPPED_TAGS } from './html-sanitise'
import { BLOCK_TAGS } from './html-sanitise'

export interface SubtreeStats {
  /** Visible text length (roughly: whitespace included). */
  text: number
  /** Text inside <a>. */
  linkText: number
  links: number
  /** Contains a <table> (descendant, not itself). */
  hasTable: boolean
  /** Contains an <h1>, where a report's title usually sits. */
  hasTitle: boolean
}

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
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr'
])

/**
 * The tree being built, with the nesting bound. htmlparser2 keeps its open elements in an array it
 * unshifts and shifts, so every tag costs time in proportion to the depth: 200 000 unclosed <div>
 * took 20 s. Its tokenizer is linear, so tags that would open deeper than maxDepth are kept from
 * the parser: their text joins the deepest element allowed (a block tag leaves a <br> so lines
 * stay apart), and their end tags are swallowed. One level more is allowed for dropped tags
 * (script, style, svg, …) so what they hold stays dropped.
 *
 * One class for every parse (the tokenizer's callbacks are its methods): a class or closures made
 * per parse made V8 treat every page as new code and tripled the parse time.
 */
class BoundedTree implements TokenizerCallbacks {
  readonly root: HtmlElement = { type: 'tag', name: '#root', attribs: {}, children: [], parent: null }
  current = this.root
  /** Open elements (= the parser's stack): the root is depth 0. */
  depth = 0
  flattened = 0
  /** The parser's own tokenizer callbacks, which every token not kept from it goes on to. */
  parser: TokenizerCallbacks | null = null
  /** Flattened elements still open, by name, per depth past maxDepth (index 0 or 1). */
  private readonly hidden: Map<string, number>[] = []
  /** Inside a flattened open tag: its attributes and end are kept from the parser too. */
  private inHiddenTag = false
  private lastHidden = ''
  private lastBreak: HtmlElement | null = null

  constructor(
    private readonly html: string,
    private readonly maxDepth: number
  ) {}

  // The tree, from the parser.
  open(name: string, attribs: Record<string, string>): void {
    const el: HtmlElement = { type: 'tag', name, attribs, children: [], parent: this.current }
    this.current.children.push(el)
    this.current = el
    this.depth++
  }

  close(): void {
    if (!this.current.parent) return
    this.current = this.current.parent
    this.depth--
    // Closing an element closes whatever was flattened into it.
    const keep = Math.max(0, this.depth - this.maxDepth + 1)
    if (this.hidden.length > keep) this.hidden.length = keep
  }

  text(data: string): void {
    const siblings = this.current.children
    const last = siblings[siblings.length - 1]
    if (last && last.type === 'text') last.data += data
    else siblings.push({ type: 'text', data })
  }

  // The tokenizer's callbacks: kept from the parser while inside a flattened tag.
  onattribdata(start: number, end: number): void {
    if (!this.inHiddenTag) this.parser!.onattribdata(start, end)
  }
  onattribentity(codepoint: number): void {
    if (!this.inHiddenTag) this.parser!.onattribentity(codepoint)
  }
  onattribend(quote: Parameters<TokenizerCallbacks['onattribend']>[0], end: number): void {
    if (!this.inHiddenTag) this.parser!.onattribend(quote, end)
  }
  onattribname(start: number, end: number): void {
    if (!this.inHiddenTag) this.parser!.onattribname(start, end)
  }
  oncdata(start: number, end: number, offset: number): void {
    this.parser!.oncdata(start, end, offset)
  }
  onclosetag(start: number, end: number): void {
    if (!this.hideClose(start, end)) this.parser!.onclosetag(start, end)
  }
  oncomment(start: number, end: number, offset: number): void {
    this.parser!.oncomment(start, end, offset)
  }
  ondeclaration(start: number, end: number): void {
    this.parser!.ondeclaration(start, end)
  }
  onend(): void {
    this.parser!.onend()
  }
  onopentagend(end: number): void {
    if (this.inHiddenTag) this.inHiddenTag = false
    else this.parser!.onopentagend(end)
  }
  onopentagname(start: number, end: number): void {
    if (this.hideOpen(start, end)) this.inHiddenTag = true
    else this.parser!.onopentagname(start, end)
  }
  onprocessinginstruction(start: number, end: number): void {
    this.parser!.onprocessinginstruction(start, end)
  }
  onselfclosingtag(end: number): void {
    if (!this.inHiddenTag) return this.parser!.onselfclosingtag(end)
    this.inHiddenTag = false
    // <x/> closes only in svg/math (HTML ignores the slash); there, nothing stays open.
    const counts = this.hidden[this.depth - this.maxDepth]
    if (counts && this.parser!.isInForeignContext?.()) release(counts, this.lastHidden)
  }
  ontext(start: number, end: number): void {
    this.parser!.ontext(start, end)
  }
  ontextentity(codepoint: number, end: number): void {
    this.parser!.ontextentity(codepoint, end)
  }
  isInForeignContext(): boolean {
    return this.parser!.isInForeignContext?.() ?? false
  }

  /** True when the tag is kept from the parser (flattened). */
  private hideOpen(start: number, end: number): boolean {
    if (this.depth < this.maxDepth) return false
    const name = this.html.slice(start, end).toLowerCase()
    if (VOID.has(name) || (this.depth === this.maxDepth && DROPPED_TAGS.has(name))) return false
    const counts = (this.hidden[this.depth - this.maxDepth] ??= new Map())
    counts.set(name, (counts.get(name) ?? 0) + 1)
    this.lastHidden = name
    this.flattened++
    if (BLOCK_TAGS.has(name)) this.lineBreak()
    return true
  }

  /** True when the end tag closes a flattened element (and is kept from the parser). */
  private hideClose(start: number, end: number): boolean {
    if (this.depth < this.maxDepth) return false
    const counts = this.hidden[this.depth - this.maxDepth]
    if (!counts || counts.size === 0) return false
    const name = this.html.slice(start, end).toLowerCase()
    if (!release(counts, name)) return false
    if (BLOCK_TAGS.has(name)) this.lineBreak()
    return true
  }

  private lineBreak(): void {
    const siblings = this.current.children
    if (this.lastBreak && siblings[siblings.length - 1] === this.lastBreak) return
    this.lastBreak = { type: 'tag', name: 'br', attribs: {}, children: [], parent: this.current }
    siblings.push(this.lastBreak)
  }
}

/** The tree the next tokenizer belongs to: parsing is synchronous, so one at a time. */
let building: BoundedTree | null = null

/** htmlparser2's tokenizer with the bound in front of the parser's callbacks. */
class BoundedTokenizer extends Tokenizer {
  constructor(options: ConstructorParameters<typeof Tokenizer>[0], parser: TokenizerCallbacks) {
    const tree = building!
    tree.parser = parser
    super(options, tree)
  }
}

/** parseHtml with the nesting bound (see BoundedTree). */
export function parseHtmlTree(html: string, maxDepth: number = MAX_NESTING): ParsedHtml {
  const tree = new BoundedTree(html, maxDepth)
  building = tree
  try {
    const parser = new Parser(
      {
        onopentag: (name, attribs) => tree.open(name, attribs),
        onclosetag: () => tree.close(),
        ontext: (data) => tree.text(data)
      },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, Tokenizer: BoundedTokenizer }
    )
    parser.end(html)
  } finally {
    building = null
  }
  return { root: tree.root, flattened: tree.flattened }
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
