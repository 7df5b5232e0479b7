// Where main finds the outside world. The environment wins over everything
// (it is for tests, scripts and administrators).
import { homedir } from 'node:os'
import { join } from 'node:path'

export interface AppConfig {
  eutilsUrl: string
  idconvUrl: string
  crossrefUrl: string
  doiUrl: string
  unpaywallUrl: string
  /** PubMed Central articles; a PMC PDF is at <pmcPdfUrl>PMCxxxx/pdf/ */
  pmcPdfUrl: string
  /** contact address for NCBI/Crossref/Unpaywall politeness, when the environment sets one */
  email?: string
  ncbiApiKey?: string
  /** Neuroref's own folder (attachments, auto-export targets …): see dataDirFor */
  dataDir: string
}

const DEFAULTS = {
  eutilsUrl: 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/',
  idconvUrl: 'https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles/',
  crossrefUrl: 'https://api.crossref.org/',
  doiUrl: 'https://doi.org/',
  unpaywallUrl: 'https://api.unpaywall.org/v2/',
  pmcPdfUrl: 'https://www.ncbi.nlm.nih.gov/pmc/articles/'
}

/** Base URLs always end in '/', so services can append paths. */
function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}

/**
 * The data folder, decided here for both editions: NEUROREF_DATA_DIR, else
 * Electron's userData (desktop), else a per-user folder of the web edition's
 * own (its library lives in the browser, apart from the desktop app's).
 */
export function dataDirFor(env: Record<string, string | undefined>, userDataDir?: string, platform: string = process.platform): string {
  const fromEnv = env.NEUROREF_DATA_DIR?.trim()
  if (fromEnv) return fromEnv
  if (userDataDir) return userDataDir
  const home = env.HOME?.trim() || homedir()
  if (platform === 'win32') return join(env.APPDATA?.trim() || join(home, 'AppData', 'Roaming'), 'Neuroref Web')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Neuroref Web')
  return join(env.XDG_DATA_HOME?.trim() || join(home, '.local', 'share'), 'neuroref-web')
}

/** `userDataDir`: Electron's userData folder, when the desktop app runs. */
export function readConfig(env: Record<string, string | undefined>, userDataDir?: string): AppConfig {
  const pick = (name: string, fallback: string): string => withSlash(env[name]?.trim() || fallback)
  return {
    eutilsUrl: pick('NEUROREF_EUTILS_URL', DEFAULTS.eutilsUrl),
    idconvUrl: pick('NEUROREF_IDCONV_URL', DEFAULTS.idconvUrl),
    crossrefUrl: pick('NEUROREF_CROSSREF_URL', DEFAULTS.crossrefUrl),
    doiUrl: pick('NEUROREF_DOI_URL', DEFAULTS.doiUrl),
    unpaywallUrl: pick('NEUROREF_UNPAYWALL_URL', DEFAULTS.unpaywallUrl),
    pmcPdfUrl: pick('NEUROREF_PMC_URL', DEFAULTS.pmcPdfUrl),
    email: env.NEUROREF_EMAIL?.trim() || undefined,
    ncbiApiKey: env.NEUROREF_NCBI_API_KEY?.trim() || undefined,
    dataDir: dataDirFor(env, userDataDir)
  }
}
