// PubmedBookArticle: an NCBI Bookshelf book (GeneReviews, textbooks) or one
// chapter of it. A chapter has its own ArticleTitle and authors and sits in
// the book as its container; a whole book has only the BookTitle.
import type { ReferenceRecord } from '@shared/model'
import { readAbstract } from './parse-abstract'
import { authorListOfType, readPeople } from './parse-authors'
import { publicationDate } from './parse-dates'
import { readArticleIds, readReferenceList } from './parse-links'
import { readGrants, readKeywords, readPublicationTypes } from './parse-subjects'
import { pubmedRecord, readLanguage } from './record-parts'
import { child, children, textAt, type XmlElement } from './ncbi-xml'
import { markupText } from './xml-text'

export function readBookArticle(el: XmlElement): ReferenceRecord {
  const doc = child(el, 'BookDocument')
  const book = child(doc, 'Book')
  const ids = { ...readArticleIds(child(child(el, 'PubmedBookData'), 'ArticleIdList')), ...readArticleIds(child(doc, 'ArticleIdList')) }
  const pmid = textAt(doc, 'PMID') ?? ids.pmid

  const bookTitle = markupText(child(book, 'BookTitle'))
  const chapterTitle = markupText(child(doc, 'ArticleTitle'))
  const bookLists = children(book, 'AuthorList')
  const docLists = children(doc, 'AuthorList')
  const bookAuthors = readPeople(authorListOfType(bookLists, 'authors'))
  const docAuthors = readPeople(authorListOfType(docLists, 'authors'))
  // A chapter's own authors come first; a whole book is written by the book's authors.
  const authors = docAuthors.names.length ? docAuthors : bookAuthors
  const editors = readPeople(authorListOfType(bookLists, 'editors') ?? authorListOfType(docLists, 'editors'))
  const abstract = readAbstract(child(doc, 'Abstract'))
  const references = readReferenceList(doc)

  return pubmedRecord(
    {
      type: chapterTitle ? 'chapter' : 'book',
      title: chapterTitle ?? bookTitle,
      'container-title': chapterTitle ? bookTitle : undefined,
      'container-author': chapterTitle && authors !== bookAuthors && bookAuthors.names.length ? bookAuthors.names : undefined,
      'collection-title': textAt(book, 'CollectionTitle'),
      author: authors.names,
      editor: editors.names,
      publisher: textAt(book, 'Publisher/PublisherName'),
      'publisher-place': textAt(book, 'Publisher/PublisherLocation'),
      issued: publicationDate(child(book, 'PubDate')),
      volume: textAt(book, 'Volume'),
      edition: textAt(book, 'Edition'),
      ISBN: textAt(book, 'Isbn'),
      language: readLanguage(doc, 'Language'),
      abstract: abstract.text,
      // Bookshelf books have no DOI; their NBK page is where a reader finds them.
      URL: ids.bookaccession ? `https://www.ncbi.nlm.nih.gov/books/${ids.bookaccession}/` : undefined,
      DOI: ids.doi,
      PMID: pmid
    },
    {
      pmid,
      doi: ids.doi,
      authorDetails: authors.details,
      keywords: readKeywords(doc),
      grants: readGrants(doc),
      publicationTypes: readPublicationTypes(doc, 'PublicationType'),
      abstractSections: abstract.sections,
      references
    }
  )
}
