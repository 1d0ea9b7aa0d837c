// What the source pane may show. An allow-list, not a block-list: a tag not named here is
// unwrapped (its text kept) or dropped (with its content); every attribute not named here is
// dropped, so no on*, href, src, srcset, style (and with it every css url()) can get through.

/** Tags dropped together with everything inside them (never text a reader should see). */
export const DROPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'img',
  'image',
  'select',
  'option',
  'optgroup',
  'button',
  'textarea',
  'input',
  'map',
  'area',
  'datalist',
  'output',
  'progress',
  'meter',
  'dialog',
  'xml'
])

/** Tags shown as themselves or as a safe equivalent; the rest are unwrapped. */
const DISPLAY_TAG: Record<string, string> = {
  p: 'p',
  div: 'div',
  br: 'br',
  hr: 'hr',
  h1: 'h1',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h5',
  h6: 'h6',
  table: 'table',
  thead: 'thead',
  tbody: 'tbody',
  tfoot: 'tfoot',
  tr: 'tr',
  td: 'td',
  th: 'th',
  caption: 'caption',
  colgroup: 'colgroup',
  col: 'col',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  dl: 'dl',
  dt: 'dt',
  dd: 'dd',
  b: 'b',
  strong: 'strong',
  i: 'i',
  em: 'em',
  u: 'u',
  s: 's',
  strike: 's',
  del: 's',
  ins: 'u',
  sub: 'sub',
  sup: 'sup',
  small: 'small',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  center: 'div',
  section: 'div',
  article: 'div',
  main: 'div',
  header: 'div',
  footer: 'div',
  address: 'div',
  figure: 'div',
  figcaption: 'div',
  form: 'div',
  fieldset: 'div',
  body: 'div'
  // span, font, a, label, … are unwrapped: with no attribute allowed they would show nothing.
}

export const VOID_TAGS = new Set(['br', 'hr', 'col', 'wbr', 'img', 'input', 'meta', 'link', 'base', 'area', 'param', 'source', 'track', 'embed'])

export function displayTagOf(name: string): string | undefined {
  return DISPLAY_TAG[name]
}

const NUMBER = /^\s*\d{1,4}\s*$/
const LENGTH = /^\s*\d{1,5}(\.\d{1,3})?\s*(%|px)?\s*$/
const ALIGN = new Set(['left', 'center', 'right', 'justify'])
const VALIGN = new Set(['top', 'middle', 'center', 'bottom', 'baseline'])

/** The attributes kept, each with the one shape of value it may have. */
function safeAttribute(name: string, value: string): string | null {
  switch (name) {
    case 'border':
    case 'cellspacing':
    case 'cellpadding':
      return NUMBER.test(value) ? value.trim() : null
    case 'width':
    case 'height':
      return LENGTH.test(value) ? value.trim() : null
    case 'align': {
      const v = value.trim().toLowerCase()
      return ALIGN.has(v) ? v : null
    }
    case 'valign': {
      const v = value.trim().toLowerCase()
      return VALIGN.has(v) ? v : null
    }
    default:
      return null
  }
}

/**
 * `<tag attr="…"` without the closing `>`: the caller appends data-rd-* offsets once known.
 * colspan/rowspan are passed in already parsed (numbers), never copied from the source.
 */
export function openTag(tag: string, attribs: Record<string, string>, spans?: { colSpan: number; rowSpan: number }): string {
  let out = '<' + tag
  for (const name in attribs) {
    const kept = safeAttribute(name, attribs[name])
    if (kept !== null) out += ` ${name}="${kept}"`
  }
  if (spans) {
    if (spans.colSpan > 1) out += ` colspan="${spans.colSpan}"`
    if (spans.rowSpan > 1) out += ` rowspan="${spans.rowSpan}"`
  }
  return out
}

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

/** Elements that end a line of text (the rest are inline and add no characters). */
export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'center',
  'address',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'legend',
  'details',
  'summary',
  'body',
  'html',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'hr'
])
