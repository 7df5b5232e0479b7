// The Content-Type of each file the built renderer holds, for both ways of
// serving it: the web edition's HTTP server and the desktop app's app://
// protocol. pdf.js needs .mjs as JavaScript (module workers refuse anything
// else) and .wasm as application/wasm (streaming compilation checks it).
import { extname } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.icc': 'application/vnd.iccprofile',
  '.ttf': 'font/ttf',
  '.csl': 'application/xml',
  '.xml': 'application/xml'
}

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}
