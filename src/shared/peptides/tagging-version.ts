// Which tagging the library's papers carry: a number of its own, so knowing it
// does not load the tagger and its vocabulary (they load when papers are tagged).

/** Bump when the vocabulary or the matching rules change: existing items are tagged again once. */
export const PEPTIDE_TAGGING_VERSION = 1
