// "About Neuroref": the version, and the credit the citation styles' licence
// asks for (CC BY-SA 3.0: the Citation Style Language project and the
// authors named in each style; see resources/csl/SOURCES.md).
import { useEffect, useState } from 'react'
import type { AppInfo } from '@shared/contract'
import { ExternalLink } from '../../components/ExternalLink'
import { api } from '../../root'

export function AboutSection() {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    void api['app.info'](undefined).then(result => result.ok && setInfo(result.value))
  }, [])
  return (
    <section aria-label="About Neuroref" className="about-section">
      <h3>About Neuroref</h3>
      {info && (
        <p>
          Neuroref {info.version} ({info.edition === 'web' ? 'web edition' : 'desktop app'}).
        </p>
      )}
      <p className="muted">
        Citation styles and locales: the 10,857 styles and 62 locales of the{' '}
        <ExternalLink href="https://citationstyles.org/">Citation Style Language</ExternalLink> project and their authors, named in each style, used under the{' '}
        <ExternalLink href="https://creativecommons.org/licenses/by-sa/3.0/">Creative Commons Attribution-ShareAlike 3.0</ExternalLink> licence.
      </p>
    </section>
  )
}
