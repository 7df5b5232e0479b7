// A strict XML parse shared by every reader of XML (PubMed replies, CSL
// styles, EndNote files): an error of any level means the text is cut off or
// is not XML, and the caller says so in its own words.
import { DOMParser, type Element } from '@xmldom/xmldom'

/** The root element, or null when the text is not well-formed XML. */
export function parseXmlStrict(text: string): Element | null {
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message)
      }
    })
    return parser.parseFromString(text, 'text/xml').documentElement
  } catch {
    return null
  }
}
