// The ways pictures of a report reach auditors besides a scan PDF: a saved .mht web archive and a
// .docx of paragraphs and pictures. Shared by make-scan-fixtures.ts (the fixed fixtures)
// and generate-scans.ts (the randomised set).

import JSZip from 'jszip'

/** Quoted-printable of UTF-8 text, lines ≤ 76, as browsers save .mht. */
function quotedPrintable(text: string): string {
  const bytes = Buffer.from(text, 'utf8')
  const lines: string[] = []
  let line = ''
  for (const b of bytes) {
    const ch = b === 0x0a ? '\n' : (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : '=' + b.toString(16).toUpperCase().padStart(2, '0')
    if (ch === '\n') {
      lines.push(line.endsWith(' ') ? line.slice(0, -1) + '=20' : line)
      line = ''
      continue
    }
    if (line.length + ch.length > 75) {
      lines.push(line + '=')
      line = ''
    }
    line += ch
  }
  lines.push(line)
  return lines.join('\r\n')
}

function wrap76(s: string): string {
  return s.replace(/.{1,76}/g, '$&\r\n')
}

export interface ArchivePart {
  /** Relative address the page refers to it by (e.g. images/table2.jpg). */
  name: string
  mime: string
  bytes: Uint8Array
}

/**
 * A single-file web archive as IE/Chrome save it: multipart/related, the page quoted-printable,
 * pictures base64. `html` refers to each picture by its part's `name`.
 */
export function mhtArchive(title: string, html: string, parts: ArchivePart[]): string {
  const base = 'http://www.example.gov.cn/xxgk/ndbg/'
  const page = html.replace('<head>', `<head>\n<base href="${base}">`)
  const boundary = '----=_NextPart_000_0000_01DA0000.5EED0000'
  const sections = [
    `Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: ${base}index.html\r\n\r\n${quotedPrintable(page)}`,
    ...parts.map(
      (p) =>
        `Content-Type: ${p.mime}\r\nContent-Transfer-Encoding: base64\r\nContent-Location: ${base}${p.name}\r\n\r\n${wrap76(Buffer.from(p.bytes).toString('base64'))}`
    )
  ]
  // The Subject header must be ASCII in a real archive; Chinese goes in RFC 2047 form.
  return (
    `From: <Saved by Blink>\r\nSnapshot-Content-Location: ${base}index.html\r\nSubject: =?utf-8?B?${Buffer.from(title).toString('base64')}?=\r\nMIME-Version: 1.0\r\n` +
    `Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${boundary}"\r\n\r\n` +
    sections.map((s) => `--${boundary}\r\n${s}\r\n`).join('') +
    `--${boundary}--\r\n`
  )
}

export type DocxBlock =
  { text: string; bold?: boolean; align?: 'center' | 'right' } | { picture: Uint8Array; mime: 'image/png' | 'image/jpeg'; width: number; height: number }

const escXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * A .docx of paragraphs and pictures (inline, 6 inches wide at most), as Word writes a report whose
 * tables were pasted as screenshots.
 */
export async function docxOf(blocks: DocxBlock[]): Promise<Uint8Array> {
  const zip = new JSZip()
  const rels: string[] = []
  const body = blocks.map((b, i) => {
    if ('text' in b) {
      const pPr = b.align ? `<w:pPr><w:jc w:val="${b.align}"/></w:pPr>` : ''
      return `<w:p>${pPr}<w:r>${b.bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escXml(b.text)}</w:t></w:r></w:p>`
    }
    const ext = b.mime === 'image/png' ? 'png' : 'jpeg'
    const id = `rIdImg${i}`
    zip.file(`word/media/image${i}.${ext}`, b.picture)
    rels.push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image${i}.${ext}"/>`)
    const cx = Math.min(5486400, b.width * 9525)
    const cy = Math.round((cx * b.height) / b.width)
    return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${i + 1}" name="图片 ${i + 1}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="${i + 1}" name="image${i}.${ext}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  })
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
  )
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`
  )
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1304" w:bottom="1440" w:left="1304" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
  )
  // a fixed date on every entry, so the same report is the same bytes
  for (const f of Object.values(zip.files)) f.date = new Date(Date.UTC(2024, 0, 1))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
