// Links to PubMed, PMC and doi.org open in the system browser (desktop) or a
// new tab (web edition). Only http(s) links are ever made.
import type { ReactNode } from 'react'
import { api } from '../root'
import { edition } from '../transport'

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  if (!/^https?:\/\//.test(href)) return <>{children}</>
  if (edition === 'web') {
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    )
  }
  return (
    <a
      href={href}
      onClick={event => {
        event.preventDefault()
        void api['shell.openExternal']({ url: href })
      }}
    >
      {children}
    </a>
  )
}
