import { cpSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { writeStylePack } from './src/main/services/styles/build-pack'

/**
 * pdf.js fetches character maps, standard fonts, image decoders (wasm) and
 * colour profiles at run time: copy them beside the built renderer, under
 * pdfjs/, where src/renderer/src/features/pdf/pdfjs.ts points it.
 */
function copyPdfJsData(): Plugin {
  const root = dirname(require.resolve('pdfjs-dist/package.json'))
  return {
    name: 'neuroref-copy-pdfjs-data',
    apply: 'build',
    writeBundle(options) {
      const out = options.dir ?? resolve(__dirname, 'out/renderer')
      for (const folder of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) {
        cpSync(resolve(root, folder), resolve(out, 'pdfjs', folder), { recursive: true })
      }
    }
  }
}

/**
 * Every journal's style: the CSL repository archive in resources/csl becomes
 * out/main/csl (a catalogue and a pack of styles), where the main code reads
 * it (src/main/services/styles/style-repository.ts). Made again only when the archive changed.
 */
function packCslStyles(): Plugin {
  return {
    name: 'neuroref-pack-csl-styles',
    apply: 'build',
    writeBundle(options) {
      const out = options.dir ?? resolve(__dirname, 'out/main')
      writeStylePack(resolve(__dirname, 'resources/csl/csl-styles-and-locales.tar.gz'), resolve(out, 'csl'))
    }
  }
}

// The path aliases of tsconfig.base.json, for every part of the build.
const alias = { '@shared': resolve(__dirname, 'src/shared'), '@renderer': resolve(__dirname, 'src/renderer/src') }

// src/shared/import/bibtex-values.ts and bibtex-names.ts call modules of the BibTeX plugin by path (lib/, the CommonJS
// build Node loads), ris-csl.ts those of the RIS plugin; the web build loads the plugins from lib-mjs, so it must take
// those from there too, or the window would hold a second copy of each.
const citationJsModules = {
  '@citation-js/plugin-bibtex/lib': '@citation-js/plugin-bibtex/lib-mjs',
  '@citation-js/plugin-ris/lib': '@citation-js/plugin-ris/lib-mjs'
}

// One build makes the desktop app (main + preload + renderer) and the web
// edition host (out/main/web.js), which serves the same renderer.
export default defineConfig({
  main: {
    resolve: { alias },
    plugins: [packCslStyles()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          web: resolve(__dirname, 'src/main/web/index.ts'),
          // PDF text is read in a worker thread (src/main/services/pdf/text-reader.ts)
          'pdf-text-worker': resolve(__dirname, 'src/main/services/pdf/text-worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: { ...alias, ...citationJsModules } },
    plugins: [react(), copyPdfJsData()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
