import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Parser } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { htmlToDocument } from './html'
import { MAX_NESTING, parseHtmlTree, type HtmlElement, type HtmlNode } from './html-tree'

const ROOT = join(__dirname, '..', '..', '..')
const PAGES = [join(ROOT, 'test', 'fixtures', 'html'), join(ROOT, '..', 'shared', 'corpus', 'files')].filter(existsSync).flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.html?$/.test(f))
    .map((f) => join(dir, f))
)

function maxDepth(root: HtmlElement): number {
  let max = 0
  const stack: [HtmlElement, number][] = [[root, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    max = Math.max(max, depth)
    for (const child of node.children) if (child.type === 'tag') stack.push([child, depth + 1])
  }
  return max
}

/** The tree as nested arrays (no parent links), for comparison. */
function shape(node: HtmlNode): unknown {
  const out: unknown[] = []
  const stack: [HtmlNode, unknown[]][] = [[node, out]]
  while (stack.length) {
    const [n, into] = stack.pop()!
    if (n.type === 'text') {
      into.push(n.data)
      continue
    }
    const children: unknown[] = []
    into.push([n.name, n.attribs, children])
    for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i], children])
  }
  return out[0]
}

/** The tree htmlparser2 builds with no depth bound (what parseHtml did before it). */
function unboundedTree(html: string): HtmlElement {
  const root: HtmlElement = { type: 'tag', name: '#root', attribs: {}, children: [], parent: null }
  let current = root
  new Parser(
    {
      onopentag(name, attribs) {
        const el: HtmlElement = { type: 'tag', name, attribs, children: [], parent: current }
        current.children.push(el)
        current = el
      },
      onclosetag() {
        if (current.parent) current = current.parent
      },
      ontext(data) {
        const last = current.children[current.children.length - 1]
        if (last && last.type === 'text') last.data += data
        else current.children.push({ type: 'text', data })
      }
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  ).end(html)
  return root
}

const paragraphs = (html: string): string[] => {
  const doc = htmlToDocument(html).value!
  return doc.blocks.map((b) => doc.text.slice(b.start, b.end))
}

describe('parseHtml: nesting depth bound', () => {
  it.each(['div', 'span', 'font', 'table', 'svg'])('200 000 nested <%s> parse in well under a second', (tag) => {
    const html = `<${tag}>`.repeat(200_000) + 'x'
    const started = performance.now()
    const result = htmlToDocument(html)
    expect(performance.now() - started).toBeLessThan(1500)
    expect(result.value?.text).toBe(tag === 'svg' ? '' : 'x')
    expect(result.messages.map((m) => m.code)).toContain('ingest.html_deep_nesting')
    expect(result.messages.find((m) => m.code === 'ingest.html_deep_nesting')?.message).toContain(`超过 ${MAX_NESTING} 层`)
  })

  it('never builds a tree deeper than the bound (one level more for a dropped tag)', () => {
    for (const html of [
      '<div>'.repeat(5000),
      '<table><tr><td>'.repeat(2000),
      '<ul><li>'.repeat(3000),
      '<span>'.repeat(MAX_NESTING) + '<svg>' + '<g>'.repeat(3000),
      '<b><i>'.repeat(3000) + '</i></b>'.repeat(3000)
    ]) {
      expect(maxDepth(parseHtmlTree(html).root)).toBeLessThanOrEqual(MAX_NESTING + 1)
    }
  })

  it('flattened block elements still end lines, and the page after them reads normally', () => {
    const deep = '<div>'.repeat(300) + 'a<div>b<p>c</p>d</div>e' + '</div>'.repeat(300)
    expect(paragraphs(deep + '<p>after</p><b>bold</b> text')).toEqual(['a', 'b', 'c', 'd', 'e', 'after', 'bold text'])
    const { root, flattened } = parseHtmlTree(deep + '<p>after</p>')
    expect(flattened).toBe(300 - MAX_NESTING + 2)
    // The closing tags of flattened elements were matched to them: <p>after</p> is back at the top.
    expect(root.children.at(-1)).toMatchObject({ type: 'tag', name: 'p' })
  })

  it('what dropped tags hold stays dropped past the bound', () => {
    const deep = '<span>'.repeat(400)
    expect(htmlToDocument(deep + '<script>alert(1)</script><style>p{}</style><svg><text>图</text></svg>可见').value?.text).toBe('可见')
    expect(htmlToDocument('<div>'.repeat(400) + '<svg><g><script>x</script><text>t</text></g></svg>正文').value?.text).toBe('正文')
  })

  it('a data table nested just inside the bound is still a table', () => {
    const html = '<div>'.repeat(MAX_NESTING - 4) + '<table><tr><td>项目</td><td>数量</td></tr><tr><td>申请</td><td>12</td></tr></table>'
    const doc = htmlToDocument(html).value!
    expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(1)
    expect(htmlToDocument(html).messages).toEqual([])
  })

  it.each(PAGES)('real page %s parses exactly as without the bound', (path) => {
    const html = readFileSync(path, 'latin1')
    const bounded = parseHtmlTree(html)
    expect(bounded.flattened).toBe(0)
    expect(shape(bounded.root)).toEqual(shape(unboundedTree(html)))
  })

  it('mixed hostile markup below the bound parses exactly as without it', () => {
    const html =
      '<p>a<p>b<li>c<li>d<table><tr><td>1<td>2<tr><td>3</table></p></br><form><form>e</form>' +
      '<svg><foreignObject><div>f</div></foreignObject><path/></svg><math><mi>x</mi></math><title>t</title>' +
      '<textarea><b>g</b></textarea><script><div>h</div></script><xmp><i>i</i></xmp>&amp;&nbsp;<img src=x/>' +
      '<a href="1"><a href="2">j</a></a><select><option>k<option>l</select></b></span></div>'
    const bounded = parseHtmlTree(html)
    expect(bounded.flattened).toBe(0)
    expect(shape(bounded.root)).toEqual(shape(unboundedTree(html)))
  })
})
