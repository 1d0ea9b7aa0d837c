// Import circles in src/ (type-only imports included): prints each circle's files and exits 1 if
// there is any. Relative imports only (packages cannot import us back); tests are left out.
// `npm run lint:cycles`.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const SRC = resolve(import.meta.dirname, '../src')
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g

function sourceFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) sourceFiles(path, out)
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path)
  }
  return out
}

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec)
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => existsSync(p) && statSync(p).isFile())
}

const graph = new Map()
for (const file of sourceFiles(SRC)) {
  const deps = new Set()
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const target = resolveImport(file, m[1] ?? m[2])
    if (target) deps.add(target)
  }
  graph.set(file, [...deps])
}

// Tarjan's strongly connected components: every component of more than one file is a circle.
let counter = 0
const index = new Map()
const low = new Map()
const stack = []
const onStack = new Set()
const circles = []
function visit(v) {
  index.set(v, counter)
  low.set(v, counter++)
  stack.push(v)
  onStack.add(v)
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue
    if (!index.has(w)) {
      visit(w)
      low.set(v, Math.min(low.get(v), low.get(w)))
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)))
  }
  if (low.get(v) !== index.get(v)) return
  const component = []
  let w
  do {
    w = stack.pop()
    onStack.delete(w)
    component.push(relative(SRC, w))
  } while (w !== v)
  if (component.length > 1) circles.push(component.sort())
}
for (const file of graph.keys()) if (!index.has(file)) visit(file)

for (const circle of circles) console.log(`import circle: ${circle.join(' ↔ ')}`)
console.log(`${circles.length} import circle(s) in src/`)
process.exitCode = circles.length ? 1 : 0
