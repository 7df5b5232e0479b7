// Where main finds the outside world. The environment wins over everything
// (DESIGN.md: it is for tests, scripts and administrators).

export interface AppConfig {
  eutilsUrl: string
  idconvUrl: string
  crossrefUrl: string
  doiUrl: string
  unpaywallUrl: string
  /** contact address for NCBI/Crossref/Unpaywall politeness, when the environment sets one */
  email?: string
  ncbiApiKey?: string
  dataDir?: string
}

const DEFAULTS = {
  eutilsUrl: 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/',
  idconvUrl: 'https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles/',
  crossrefUrl: 'https://api.crossref.org/',
  doiUrl: 'https://doi.org/',
  unpaywallUrl: 'https://api.unpaywall.org/v2/'
}

/** Base URLs always end in '/', so services can append paths. */
function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}

export function readConfig(env: Record<string, string | undefined>): AppConfig {
  const pick = (name: string, fallback: string): string => withSlash(env[name]?.trim() || fallback)
  return {
    eutilsUrl: pick('NEUROREF_EUTILS_URL', DEFAULTS.eutilsUrl),
    idconvUrl: pick('NEUROREF_IDCONV_URL', DEFAULTS.idconvUrl),
    crossrefUrl: pick('NEUROREF_CROSSREF_URL', DEFAULTS.crossrefUrl),
    doiUrl: pick('NEUROREF_DOI_URL', DEFAULTS.doiUrl),
    unpaywallUrl: pick('NEUROREF_UNPAYWALL_URL', DEFAULTS.unpaywallUrl),
    email: env.NEUROREF_EMAIL?.trim() || undefined,
    ncbiApiKey: env.NEUROREF_NCBI_API_KEY?.trim() || undefined,
    dataDir: env.NEUROREF_DATA_DIR?.trim() || undefined
  }
}
