// Lint: the few rules that catch real faults (unused code, promises nobody awaits, hooks misuse) and
// the layer rules of README's layout table (docs/architecture.md). Formatting is Prettier's
// (npm run format:check); unused exports are knip's (npm run lint:exports).

import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const SRC = resolve(import.meta.dirname, 'src')

/** The top folder of src/ a file or import target lies in (core, library, renderer…), or null outside src/. */
function layerOf(path) {
  const rel = relative(SRC, path)
  return rel.startsWith('..') || rel === '' ? null : rel.split(sep)[0]
}

/** What each layer may not import, by the folder the import resolves into (type-only imports included). */
const FORBIDDEN = {
  core: ['library', 'main', 'preload', 'renderer', 'cli'],
  shared: ['library', 'main', 'preload', 'renderer', 'cli'],
  library: ['main', 'preload', 'renderer', 'cli'],
  renderer: ['library', 'main', 'preload', 'cli']
}
const FACADE = resolve(SRC, 'library/library')

/**
 * Relative imports are resolved against the importing file, so the renderer's own library/ folder is
 * not src/library (a pattern on the import string cannot tell them apart).
 */
const layers = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [], docs: { description: 'imports follow the layers of src/' } },
      create(context) {
        const file = context.filename
        const from = layerOf(file)
        const inLibraryBelowFacade =
          from === 'library' && resolve(file) !== `${FACADE}.ts` && !file.includes(`${sep}testing${sep}`) && !/\.test\.ts$/.test(file)
        const check = (source) => {
          if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return
          const target = resolve(dirname(file), source.value)
          const to = layerOf(target)
          if (to && FORBIDDEN[from]?.includes(to)) {
            context.report({ node: source, message: `src/${from} imports nothing from src/${to} (see docs/architecture.md, layers).` })
          } else if (inLibraryBelowFacade && target.replace(/\.ts$/, '') === FACADE) {
            context.report({ node: source, message: 'A part of the library does not import the Library facade back: library.ts calls it.' })
          }
        }
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
          TSImportType: (node) => check(node.argument?.literal ?? node.argument)
        }
      }
    }
  }
}

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `node:${m}`)]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'build/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.test.json'], tsconfigRootDir: import.meta.dirname }
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'react-hooks': reactHooks, layers },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      'layers/imports': 'error'
    }
  },
  {
    // Playwright's fixtures also call a function named use: the hook rules are for React code.
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' }
  },
  {
    files: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'src/core is pure TypeScript: no Electron.' }] }] }
  },
  {
    // The UI reaches files, the library and the engine only through window.api (src/shared/contract.ts).
    files: ['src/renderer/**'],
    ignores: ['src/renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins].map((name) => ({
            name,
            message: 'The renderer imports nothing from Node or Electron: ask main through window.api.'
          }))
        }
      ]
    }
  }
)
