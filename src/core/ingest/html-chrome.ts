// Saved pages carry site chrome (menus, breadcrumbs, footers, link lists) around the report.
// What counts as chrome is judged from general signals — semantic tags, class/id names,
// hidden styles, link density — and never at the cost of a table or a title.

import type { HtmlElement as Element, SubtreeStats } from './html-tree'
import { DROPPED_TAGS } from './html-sanitise'

const EMPTY: SubtreeStats = { text: 0, linkText: 0, links: 0, hasTable: false, hasTitle: false }

/** Bottom-up statistics for every element, computed iteratively (pages can nest very deep). */
export function computeSubtreeStats(root: Element): void {
  const stack: { node: Element; visited: boolean }[] = []
  const pushChildren = (node: Element): void => {
    for (const child of node.children) if (child.type === 'tag') stack.push({ node: child, visited: false })
  }
  pushChildren(root)
  while (stack.length) {
    const top = stack[stack.length - 1]
    if (!top.visited) {
      top.visited = true
      if (!DROPPED_TAGS.has(top.node.name)) pushChildren(top.node)
      continue
    }
    stack.pop()
    top.node.stats = combine(top.node)
  }
}

function combine(el: Element): SubtreeStats {
  if (DROPPED_TAGS.has(el.name)) return EMPTY
  const s: SubtreeStats = { text: 0, linkText: 0, links: 0, hasTable: false, hasTitle: false }
  for (const child of el.children) {
    if (child.type === 'text') s.text += child.data.trim().length
    else if (child.type === 'tag') {
      const c = child.stats ?? EMPTY
      s.text += c.text
      s.linkText += c.linkText
      s.links += c.links
      s.hasTable ||= c.hasTable || child.name === 'table'
      s.hasTitle ||= c.hasTitle || child.name === 'h1'
    }
  }
  if (el.name === 'a') {
    s.links += 1
    s.linkText = s.text
  }
  return s
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i

export function isHidden(el: Element): boolean {
  if ('hidden' in el.attribs) return true
  const style = el.attribs.style
  return style !== undefined && HIDDEN_STYLE.test(style)
}

/** Class/id words of site chrome, matched against each word of a class or id (camelCase split). */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'menus',
  'submenu',
  'topmenu',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'footer',
  'foot',
  'copyright',
  'header',
  'head',
  'topbar',
  'toolbar',
  'sidebar',
  'share',
  'search',
  'skip',
  'banner',
  'login',
  'weixin',
  'qrcode'
])

function chromeNamed(el: Element): boolean {
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`
  if (!names.trim()) return false
  for (const word of names.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[\s_\-]+/)) {
    if (CHROME_WORDS.has(word.toLowerCase())) return true
  }
  return false
}

function insideSection(el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) {
    if (p.name === 'article' || p.name === 'main') return true
  }
  return false
}

/** Chrome has little text of its own besides its links. */
function linkDominated(s: SubtreeStats): boolean {
  return s.links >= 3 && s.linkText >= s.text * 0.7
}

/**
 * True when an element is page chrome to leave out of the text. A table or an <h1> inside
 * always keeps it (a report's content is never sacrificed to a class name), and so does more
 * than a little text of its own (a misnamed content block).
 */
export function isChrome(el: Element): boolean {
  const s = el.stats ?? EMPTY
  if (s.hasTable || s.hasTitle) return false
  const ownText = s.text - s.linkText
  switch (el.name) {
    case 'nav':
    case 'aside':
      return true
    case 'header':
    case 'footer':
      return !insideSection(el)
  }
  // A name alone is weak evidence (`title-head` may hold the report's title): chrome also links away.
  if (chromeNamed(el) && ownText < 200 && s.links >= 1) return true
  if ((el.name === 'ul' || el.name === 'ol' || el.name === 'div' || el.name === 'dl') && linkDominated(s)) return true
  return false
}
