// Writes a .docx with N MB of incompressible images (deflated, as Word stores
// media) and one citation marker, for the manuscript memory benchmark. Run in
// its own process so the benchmark's peak memory counts only the formatting.
// Usage: node bench/make-large-docx.mjs OUT.docx MEGABYTES KEY
import { writeFileSync } from 'node:fs'
import { strToU8, zipSync } from 'fflate'

const [out, megabytes, key] = process.argv.slice(2)
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const files = {
  '[Content_Types].xml': strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  ),
  '_rels/.rels': strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
  ),
  'word/document.xml': strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Figure text [@${key}].</w:t></w:r></w:p><w:sectPr/></w:body></w:document>`
  )
}
let state = 1
for (let i = 0; i < Number(megabytes) / 5; i++) {
  const image = new Uint8Array(5 * 1024 * 1024)
  for (let j = 0; j < image.length; j++) image[j] = (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 24
  files[`word/media/image${i + 1}.jpeg`] = image
}
writeFileSync(out, zipSync(files, { level: 1 }))
