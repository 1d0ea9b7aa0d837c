import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Extraction runs in a child process (a utility process in the app); the browser test
          // bridge forks this same built file with Node.
          'extraction-child': resolve(__dirname, 'src/main/extraction-child.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload must be one self-contained CommonJS file.
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, output: { format: 'cjs' } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    // pdf.js's CMaps and standard fonts are bundled into the renderer (see review/pdf-document.ts).
    resolve: { alias: { '@pdfjs-data': resolve(__dirname, 'node_modules/pdfjs-dist') } },
    assetsInclude: ['**/*.bcmap', '**/*.pfb'],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
