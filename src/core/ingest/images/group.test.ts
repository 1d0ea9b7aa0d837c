import { describe, expect, it } from 'vitest'
import { groupDropped } from './group'

const names = (paths: string[]) => paths.map((path) => ({ name: path.split('/').pop()!, path }))
const shape = (paths: string[]): [string, string[]][] => groupDropped(names(paths)).map((g) => [g.main.path!, g.attachments.map((a) => a.path!)])

describe('grouping a drop into reports', () => {
  it.each<[string, string[], [string, string[]][]]>([
    [
      'a saved page and its _files folder (dropped together, or the folder holding both)',
      ['年报/报告.html', '年报/报告_files/image001.jpg', '年报/报告_files/style.css', '年报/报告_files/image002.png'],
      [['年报/报告.html', ['年报/报告_files/image001.jpg', '年报/报告_files/style.css', '年报/报告_files/image002.png']]]
    ],
    ['Chinese Windows names the folder 报告.files', ['报告.htm', '报告.files/image001.png'], [['报告.htm', ['报告.files/image001.png']]]],
    [
      'page photos alone: one report, in name order (numeric)',
      ['扫描/p10.jpg', '扫描/p2.jpg', '扫描/p1.jpg'],
      [['扫描/p1.jpg', ['扫描/p2.jpg', '扫描/p10.jpg']]]
    ],
    ['a narrative with photos of its tables', ['报告/正文.docx', '报告/表三.jpg', '报告/表二.png'], [['报告/正文.docx', ['报告/表二.png', '报告/表三.jpg']]]],
    [
      'two reports in a folder: pictures stand alone',
      ['a.docx', 'b.pdf', 'c.jpg'],
      [
        ['a.docx', []],
        ['b.pdf', []],
        ['c.jpg', []]
      ]
    ],
    [
      'multi-page TIFFs are whole scans, each its own report',
      ['x/1.tif', 'x/2.tiff'],
      [
        ['x/1.tif', []],
        ['x/2.tiff', []]
      ]
    ],
    [
      'folders apart stay apart',
      ['a/r.docx', 'b/p.jpg', 'a/t.png'],
      [
        ['a/r.docx', ['a/t.png']],
        ['b/p.jpg', []]
      ]
    ],
    [
      'ordinary reports are untouched',
      ['1.docx', '2.html', '3.txt'],
      [
        ['1.docx', []],
        ['2.html', []],
        ['3.txt', []]
      ]
    ]
  ])('%s', (_, paths, expected) => {
    expect(shape(paths)).toEqual(expected)
  })
})
