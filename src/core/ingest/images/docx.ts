// Pictures inside a .docx (tables pasted as pictures): their bytes from word/media (through the
// relationships), and where each sits in the text. The text is mammoth's, as for the document
// itself, so the offsets index into the same SourceDocument.text.
// Linked pictures (r:link, pictures outside the file) are never read.

import mammoth from 'mammoth'
import type { Message, Result } from '../../messages'
import { htmlToDocument } from '../html'
import type { HtmlImageRef } from '../html-walk'
import { inflateRawSync } from 'node:zlib'
import { entryData, inflatedSize, readZipDirectory, type ZipEntry } from '../zip'
import { IMAGE_LIMITS } from './limits'
import { imageWarning } from './picture'

export interface DocxPicture {
  /** Zip path, e.g. word/media/image2.png. */
  path: string
  bytes: Uint8Array
  /** Offset in the document text. */
  at: number
}

export async function docxPictures(bytes: Uint8Array): Promise<Result<DocxPicture[]>> {
  const directory = readZipDirectory(bytes)
  if ('problem' in directory) return { value: [], messages: [] }
  const entries = new Map(directory.entries.map((e) => [e.name, e]))
  const documentXml = readText(bytes, entries.get('word/document.xml'), 64 * 1024 * 1024)
  const relsXml = readText(bytes, entries.get('word/_rels/document.xml.rels'), 16 * 1024 * 1024)
  if (!documentXml || !relsXml) return { value: [], messages: [] }
  const targets = pictureTargets(documentXml, relsXml)
  // mammoth meets the same pictures in the same order; each gets a marker src, read back with its offset.
  let counter = 0
  const marker = mammoth.images.imgElement(() => Promise.resolve({ src: `rd-picture:${counter++}` }))
  const converted = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage: marker })
  const refs: HtmlImageRef[] = []
  htmlToDocument(converted.value, { format: 'docx', images: refs })
  const messages: Message[] = []
  const pictures: DocxPicture[] = []
  let total = 0
  for (const ref of refs) {
    const n = /^rd-picture:(\d+)$/.exec(ref.src)
    const target = n ? targets[Number(n[1])] : undefined
    if (!target) continue
    if (target.external) {
      messages.push(imageWarning('linked', target.path, '图片链接到文档之外的文件，未读取'))
      continue
    }
    const entry = entries.get(target.path)
    const data = entry ? readEntry(bytes, entry, IMAGE_LIMITS.maxBytes) : null
    if (!data) {
      messages.push(imageWarning('unreadable', target.path, '文档中的图片数据缺失或过大'))
      continue
    }
    total += data.length
    if (total > IMAGE_LIMITS.maxTotalBytes || pictures.length >= IMAGE_LIMITS.maxImages) {
      messages.push(imageWarning('too_many', target.path, '文档中的图片过多或合计过大，其余图片未读取'))
      break
    }
    pictures.push({ path: target.path, bytes: data, at: ref.at })
  }
  return { value: pictures, messages }
}

interface PictureTarget {
  path: string
  external: boolean
}

/** The pictures document.xml shows, in order (drawings and VML image data; mc:Choice skipped as mammoth does). */
export function pictureTargets(documentXml: string, relsXml: string): PictureTarget[] {
  const rels = new Map<string, PictureTarget>()
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attrs = m[1]
    const id = /\bId="([^"]*)"/.exec(attrs)?.[1]
    const target = /\bTarget="([^"]*)"/.exec(attrs)?.[1]
    if (!id || target === undefined) continue
    const external = /\bTargetMode="External"/i.test(attrs)
    rels.set(id, { path: external ? target : zipPath(target), external })
  }
  const body = documentXml.replace(/<mc:Choice\b[\s\S]*?<\/mc:Choice>/g, '')
  const out: PictureTarget[] = []
  for (const m of body.matchAll(/<a:blip\b[^>]*?\br:(embed|link)="([^"]*)"|<v:imagedata\b[^>]*?\br:id="([^"]*)"/g)) {
    const id = m[2] ?? m[3]
    const rel = rels.get(id)
    out.push(m[1] === 'link' || !rel ? { path: rel?.path ?? id, external: true } : rel)
  }
  return out
}

function zipPath(target: string): string {
  const parts: string[] = []
  for (const s of (target.startsWith('/') ? target.slice(1) : `word/${target}`).split('/')) {
    if (s === '..') parts.pop()
    else if (s && s !== '.') parts.push(s)
  }
  return parts.join('/')
}

/** An entry's bytes, inflated with a cap (a lying or bomb entry gives null). */
function readEntry(bytes: Uint8Array, entry: ZipEntry | undefined, cap: number): Uint8Array | null {
  if (!entry || inflatedSize(bytes, entry, cap) === 'too_big') return null
  const raw = entryData(bytes, entry)
  if (!raw) return null
  try {
    return entry.method === 0 ? raw : new Uint8Array(inflateRawSync(raw, { maxOutputLength: Math.max(1, cap) }))
  } catch {
    return null
  }
}

function readText(bytes: Uint8Array, entry: ZipEntry | undefined, cap: number): string | null {
  const data = readEntry(bytes, entry, cap)
  return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8') : null
}
