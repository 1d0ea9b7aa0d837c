// An .mht archive's page as a document: its HTML part read by the ordinary HTML path (format 'mht'),
// and its pictures as page images, looked up among the archive's own parts only.

import iconv from 'iconv-lite'
import type { SourceDocument } from '../../document'
import { error, type Result } from '../../messages'
import { decodeBytes } from '../decode'
import { htmlToDocument } from '../html'
import type { HtmlImageRef } from '../html-walk'
import { parseMht, type MhtArchive, type MimePart } from './mht'

export interface MhtPage {
  archive: MhtArchive
  html: string
  encoding: string
}

export async function readMhtPage(bytes: Uint8Array): Promise<MhtPage | null> {
  const archive = parseMht(bytes)
  const root = archive?.root
  if (!archive || !root || !/html/.test(root.contentType)) return null
  // The part's declared charset first (the archive's own label); else as for any page.
  if (root.charset && iconv.encodingExists(root.charset)) {
    return { archive, html: iconv.decode(Buffer.from(root.bytes), root.charset), encoding: root.charset.toLowerCase() }
  }
  const decoded = await decodeBytes(root.bytes, { markup: true })
  return { archive, html: decoded.text, encoding: decoded.encoding }
}

export async function mhtToDocument(bytes: Uint8Array, images?: HtmlImageRef[]): Promise<Result<SourceDocument | null>> {
  const page = await readMhtPage(bytes)
  if (!page) {
    return {
      value: null,
      messages: [
        error(
          'ingest.mht_unreadable',
          '这个网页存档（.mht）中找不到网页正文，可能已损坏。',
          'This web archive (.mht) holds no readable page; it may be damaged.'
        )
      ]
    }
  }
  return htmlToDocument(page.html, { format: 'mht', encoding: page.encoding, ...(images ? { images } : {}) })
}

/** The archive part a picture src names: by Content-ID (cid:), else by its address resolved against the page's. */
export function findPart(archive: MhtArchive, src: string): MimePart | null {
  const trimmed = src.trim()
  if (/^cid:/i.test(trimmed)) return archive.parts.find((p) => p.contentId === trimmed.slice(4)) ?? null
  const base = archive.root?.location
  const wanted = resolveAddress(trimmed, base)
  return (
    archive.parts.find((p) => p !== archive.root && p.location !== undefined && (p.location === trimmed || resolveAddress(p.location, base) === wanted)) ?? null
  )
}

/** An address resolved against the page's, as text only (URL parsing; nothing is requested). */
function resolveAddress(address: string, base: string | undefined): string {
  try {
    return new URL(address, base).href
  } catch {
    return address
  }
}
