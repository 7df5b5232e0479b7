// The documents a manuscript is read from, as a file input accepts them: Word and
// LibreOffice (an old .doc is accepted so that the researcher is told how to save it as .docx).
export const MANUSCRIPT_ACCEPT = '.docx,.odt,.doc'
