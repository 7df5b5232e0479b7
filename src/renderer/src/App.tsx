// The app shell: toolbar, sidebar, the "Items" list and the "Item details"
// pane. State that spans them (view, search, selection) lives here; messages
// go through the notification service (components/notify.ts).
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { db, store, useLibraryVersion } from './root'
import { idsInPairs } from '@shared/duplicates'
import { AddByIdentifier } from './features/import/AddByIdentifier'
import { ItemList, type Selection } from './features/library/ItemList'
import { ColumnsMenu, useColumns } from './features/library/ColumnsMenu'
import { DuplicatesPanel } from './features/duplicates/DuplicatesPanel'
import { useDuplicatePairs } from './features/duplicates/use-duplicate-pairs'
import { handleListKey } from './features/library/keyboard'
import { ItemDetails } from './features/item/ItemDetails'
import { ExportMenu } from './features/export/ExportMenu'
import { ManuscriptMenu } from './features/manuscript/ManuscriptMenu'
import { CiteButton } from './features/cite/CiteButton'
import { CitationPicker } from './features/cite/CitationPicker'
import { SearchBox } from './features/search/SearchBox'
import { Sidebar } from './features/sidebar/Sidebar'
import { StatusMessage, type Message } from './components/StatusMessage'
import { NotifyProvider, useNotify } from './components/notify'
import { PlaceProvider, usePlaceMarks } from './components/place'
import { chosenInList, libraryCounts, SEARCHING_TEXT, visibleItems, type ViewState } from './store/views'
import { moveToTrashInWorker } from './features/item/filing-in-worker'
import { sayProgress } from './components/say-progress'
import { problemText } from './messages'
import { SettingsDialog } from './features/settings/SettingsDialog'
import { useStartupTasks } from './startup-tasks'
import { useAutoExport } from './features/autoexport/use-auto-export'
import { TagSelector } from './features/tags/TagSelector'
import { SelectionBar } from './features/item/SelectionBar'
import { useUndoShortcut } from './features/item/undo'
import { PubmedSearchView } from './features/pubmed/PubmedSearchView'
import { ImportFile, importFiles } from './features/import/ImportFile'
import { useFileDrop } from './features/import/use-file-drop'
import { useOpenRequests } from './features/import/use-open-requests'
import { AddPdfs, addPdfFiles, ExtractionProgress, IncludeFullText, usePdfDropOnRows } from './features/pdf'
import { SavedPubmedSearches } from './features/pubmed/SavedPubmedSearches'
import { FacetPanel } from './features/facets/FacetPanel'
import { Dashboard } from './features/dashboard/Dashboard'
import { CONTACT_REASON, useContactPrompt } from './features/settings/use-contact-prompt'
import { CollectionsSection, SavedSearches, SaveSearchButton, SelectedPapersBar, startDraggingItems, useCollectionDescendants } from './features/collections'

const EMPTY_TEXT: Record<ViewState['view']['kind'], string> = {
  all: 'Your library is empty. Paste a DOI, PMID or PMCID into “Add by identifier”.',
  unfiled: 'Every paper is in a collection.',
  recent: 'Nothing was added in the last 30 days.',
  duplicates: 'No likely duplicates.',
  trash: 'The Trash is empty.',
  collection: 'This collection is empty. Drag papers here, or use “Add to collection”.',
  saved: 'No paper matches this saved search.',
  pubmed: '',
  dashboard: ''
}

/** The window: where messages go (the footer's status line), around the library shell. */
export function App() {
  const [message, setMessage] = useState<Message | null>(null)
  return (
    <NotifyProvider value={setMessage}>
      <LibraryShell status={<StatusMessage message={message} onDismiss={() => setMessage(null)} />} />
    </NotifyProvider>
  )
}

function LibraryShell({ status }: { status: ReactNode }) {
  const notify = useNotify()
  const version = useLibraryVersion()
  const [state, setState] = useState<ViewState>({ view: { kind: 'all' }, search: '', tags: [], sort: { column: 'added', direction: 'desc' } })
  const [selection, setSelection] = useState<Selection>({ ids: [] })
  const markPlace = usePlaceMarks(state, selection)
  const contactPrompt = useContactPrompt()
  const background = useStartupTasks()
  useAutoExport()
  const importDropped = useCallback((files: File[]) => void importFiles(files, undefined, notify), [notify])
  const pdfsDropped = useCallback((files: File[]) => void addPdfFiles(files, notify), [notify])
  useFileDrop(importDropped, pdfsDropped)
  const [offeredIds, setOfferedIds] = useState<{ text: string } | null>(null)
  const offerIdentifiers = useCallback((text: string) => setOfferedIds({ text }), [])
  useOpenRequests({ importFiles: importDropped, offerIdentifiers, tell: notify })
  usePdfDropOnRows()
  useUndoShortcut()
  const [settingsOpen, setSettingsOpen] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const detailsRef = useRef<HTMLDivElement>(null)

  const duplicatePairs = useDuplicatePairs(state.view.kind === 'duplicates', version)
  const [columns, setColumns] = useColumns()
  const descendants = useCollectionDescendants(state.view)
  const { items, searching, sorting } = useMemo(
    () => visibleItems(store, state, { now: Date.now(), duplicateIds: idsInPairs(duplicatePairs), descendants }),
    [version, state, duplicatePairs, descendants]
  )
  const counts = useMemo(() => {
    return { ...libraryCounts(store), duplicates: state.view.kind === 'duplicates' ? duplicatePairs.length : undefined }
  }, [version, state.view, duplicatePairs])
  const selectedItems = useMemo(() => chosenInList(store, items, selection.ids), [items, selection])
  const toExport = selectedItems.length > 0 ? selectedItems : items
  // every chosen paper shown: the selection's own ids (the actions take them in any order), the same array at each redraw
  // of a whole-library write rather than 100,000 ids made again
  const selectedIds = useMemo(
    () => (selectedItems.length === selection.ids.length ? selection.ids : selectedItems.map(item => item.id)),
    [selectedItems, selection]
  )

  // Ctrl/Cmd+F focuses "Search library" from anywhere in the window.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  async function trash(ids: string[]): Promise<void> {
    if (state.view.kind === 'trash') return
    const stillThere = markPlace()
    try {
      await moveToTrashInWorker(db, ids, { progress: sayProgress(notify, `Moving ${ids.length} items to the Trash`, ids.length) })
    } catch (error) {
      return notify({ kind: 'error', text: `Nothing was moved to the Trash: ${problemText(error)}` })
    }
    if (stillThere()) setSelection({ ids: [] })
    notify({ kind: 'info', text: `Moved ${ids.length} ${ids.length === 1 ? 'item' : 'items'} to the Trash.` })
  }

  const update = (patch: Partial<ViewState>): void => setState(s => ({ ...s, ...patch }))
  const chooseView = (view: ViewState['view']): void => {
    update({ view })
    setSelection({ ids: [] })
  }

  return (
    <PlaceProvider value={markPlace}>
      <div className="app">
        <header className="toolbar">
          <h1 className="brand">Neuroref</h1>
          <AddByIdentifier onAdded={id => setSelection({ ids: [id], anchor: id })} ensureContact={contactPrompt.ensureContact} offered={offeredIds} />
          <SearchBox ref={searchRef} value={state.search} onChange={search => update({ search })} />
          <IncludeFullText checked={state.fullText !== false} onChange={fullText => update({ fullText })} />
          <SaveSearchButton search={state.search} onSaved={view => (chooseView(view), update({ search: '' }))} />
          <ImportFile />
          <AddPdfs onAdded={id => setSelection({ ids: [id], anchor: id })} />
          <ExportMenu items={toExport} />
          <CiteButton items={toExport} />
          <ManuscriptMenu />
          <button type="button" onClick={() => setSettingsOpen(true)}>
            Settings
          </button>
        </header>
        {contactPrompt.asking && <SettingsDialog reason={CONTACT_REASON} onClose={contactPrompt.close} />}
        {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
        <CitationPicker />
        <Sidebar current={state.view} onChoose={chooseView} counts={counts}>
          <CollectionsSection current={state.view} onChoose={chooseView} />
          <SavedSearches current={state.view} onChoose={chooseView} />
          <SavedPubmedSearches current={state.view} onChoose={chooseView} />
          <TagSelector items={items} selected={state.tags} onChange={tags => update({ tags })} />
        </Sidebar>
        <main className="item-list">
          {state.view.kind === 'dashboard' ? (
            <Dashboard onFilter={(view, search) => (chooseView(view), update({ search, tags: [] }))} />
          ) : state.view.kind === 'pubmed' ? (
            <PubmedSearchView key={state.view.savedId ?? 'search'} savedId={state.view.savedId} />
          ) : (
            <>
              <FacetPanel items={items} searching={searching} state={state} descendants={descendants} onSearch={search => update({ search })} />
              <SelectionBar
                view={state.view}
                selectedIds={selectedIds}
                trashCount={counts.trash}
                onTrash={ids => void trash(ids)}
                onSelectionDone={() => setSelection({ ids: [] })}
              />
              <SelectedPapersBar view={state.view} selectedIds={selection.ids} />
              {state.view.kind === 'duplicates' && <DuplicatesPanel pairs={duplicatePairs} />}
              <ColumnsMenu columns={columns} onChange={setColumns} />
              <ItemList
                items={items}
                columns={columns}
                sort={state.sort}
                onSort={sort => update({ sort })}
                selection={selection}
                onSelect={setSelection}
                onDragItems={startDraggingItems}
                emptyText={searching ? SEARCHING_TEXT : state.search ? 'No paper matches this search.' : EMPTY_TEXT[state.view.kind]}
                onKeyDown={event =>
                  handleListKey(event, items, selection, {
                    select: setSelection,
                    trash: ids => void trash(ids),
                    open: () => detailsRef.current?.focus()
                  })
                }
              />
            </>
          )}
        </main>
        <div ref={detailsRef} tabIndex={-1} className="details-holder">
          <ItemDetails
            selected={selectedItems.length === 1 ? selectedItems[0] : undefined}
            count={selectedItems.length}

            search={state.search}
          />
        </div>
        <footer>
          {/* data-search says whether searches use the index or still read papers (the benches wait for the index) */}
          <span className="library-count" aria-live="polite" data-search={store.index.ready ? 'index' : 'reading'}>
            {searching ? SEARCHING_TEXT : `${items.length} ${items.length === 1 ? 'item' : 'items'}`}
            {sorting && ' (sorting…)'}
            {!store.complete && ' (opening the library…)'}
            {store.index.progress && ` (preparing search: ${Math.floor((100 * store.index.progress.done) / Math.max(1, store.index.progress.total))} %)`}
          </span>
          {background && (
            <span className="library-count" role="progressbar" aria-label="Background work" aria-valuetext={background}>
              {background}
            </span>
          )}
          <ExtractionProgress />
          {status}
        </footer>
      </div>
    </PlaceProvider>
  )
}
