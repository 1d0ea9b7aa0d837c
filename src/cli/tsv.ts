// Tab-separated output that scripts can split safely: a field never holds a raw tab or line break
// (a file may well be named "a<TAB>b" or hold a newline), so they are written as \t, \n, \r, and
// the backslash itself as \\ — the escapes of PostgreSQL's text format, undone by any TSV reader.

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

export function tsvField(value: unknown): string {
  return String(value ?? '').replace(/[\\\t\n\r]/gu, (c) => ESCAPES[c])
}

/** One output line of escaped fields. */
export function tsvLine(fields: readonly unknown[]): string {
  return fields.map(tsvField).join('\t')
}
