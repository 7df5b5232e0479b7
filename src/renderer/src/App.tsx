// The app shell: toolbar, sidebar, the "Items" list and the "Item details"
// pane. State that spans them (view, search, selection, message) lives here.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { db, store, useLibraryVersion } from './library-context'
import { idsInPairs } from '../../shared/duplicates'
import { AddByIdentifier } from './features/import/AddByIdentifier'
import { ItemList, type Selection } from './features/library/ItemList'
import { ColumnsMenu, useColumns } from './features/library/ColumnsMenu'
import { DuplicatesPanel } from './features/duplicates/DuplicatesPanel'
import { useDuplicatePairs } from './features/duplicates/use-duplicate-pairs'
import { handleListKey } from './features/library/keyboard'
import { ItemDetails } from './features/item/ItemDetails'
import { ExportMenu } from './features/export/ExportMenu'
import { ManuscriptMenu } from './features/manuscript/ManuscriptMenu'
import { CiteButton } from './features/cite/CiteDialog'
import { SearchBox } from './features/search/SearchBox'
import { Sidebar } from './features/sidebar/Sidebar'
import { StatusMessage, type Message } from './components/StatusMessage'
import { libraryCounts, visibleItems, type ViewState } from './store/views'
import { moveToTrash } from './library/trash'
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

export function App() {
  const version = useLibraryVersion()
  const [state, setState] = useState<ViewState>({ view: { kind: 'all' }, search: '', tags: [], sort: { column: 'added', direction: 'desc' } })
  const [selection, setSelection] = useState<Selection>({ ids: [] })
  const [message, setMessage] = useState<Message | null>(null)
  const contactPrompt = useContactPrompt()
  const background = useStartupTasks()
  useAutoExport()
  const importDropped = useCallback((files: File[]) => void importFiles(files, undefined, setMessage), [])
  const pdfsDropped = useCallback((files: File[]) => void addPdfFiles(files, setMessage), [])
  useFileDrop(importDropped, pdfsDropped)
  const [offeredIds, setOfferedIds] = useState<{ text: string } | null>(null)
  const offerIdentifiers = useCallback((text: string) => setOfferedIds({ text }), [])
  useOpenRequests({ importFiles: importDropped, offerIdentifiers, tell: setMessage })
  usePdfDropOnRows(setMessage)
  useUndoShortcut(setMessage)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const detailsRef = useRef<HTMLDivElement>(null)

  const duplicatePairs = useDuplicatePairs(state.view.kind === 'duplicates', version)
  const [columns, setColumns] = useColumns()
  const descendants = useCollectionDescendants(state.view)
  const items = useMemo(
    () => visibleItems(store, state, { now: Date.now(), duplicateIds: idsInPairs(duplicatePairs), descendants }),
    [version, state, duplicatePairs, descendants]
  )
  const counts = useMemo(() => {
    return { ...libraryCounts(store), duplicates: state.view.kind === 'duplicates' ? duplicatePairs.length : undefined }
  }, [version, state.view, duplicatePairs])
  const selectedItems = useMemo(() => {
    const chosen = new Set(selection.ids)
    return items.filter(item => chosen.has(item.id))
  }, [items, selection])
  const toExport = selectedItems.length > 0 ? selectedItems : items

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
    await moveToTrash(db, ids)
    setSelection({ ids: [] })
    setMessage({ kind: 'info', text: `Moved ${ids.length} ${ids.length === 1 ? 'item' : 'items'} to the Trash.` })
  }

  const update = (patch: Partial<ViewState>): void => setState(s => ({ ...s, ...patch }))
  const chooseView = (view: ViewState['view']): void => {
    update({ view })
    setSelection({ ids: [] })
  }

  return (
    <div className="app">
      <header className="toolbar">
        <h1 className="brand">Neuroref</h1>
        <AddByIdentifier
          onDone={setMessage}
          onAdded={id => setSelection({ ids: [id], anchor: id })}
          ensureContact={contactPrompt.ensureContact}
          offered={offeredIds}
        />
        <SearchBox ref={searchRef} value={state.search} onChange={search => update({ search })} />
        <IncludeFullText checked={state.fullText !== false} onChange={fullText => update({ fullText })} />
        <SaveSearchButton search={state.search} onSaved={view => (chooseView(view), update({ search: '' }))} />
        <ImportFile onDone={setMessage} />
        <AddPdfs onMessage={setMessage} onAdded={id => setSelection({ ids: [id], anchor: id })} />
        <ExportMenu items={toExport} onDone={setMessage} />
        <CiteButton items={toExport} onDone={setMessage} />
        <ManuscriptMenu onDone={setMessage} />
        <button type="button" onClick={() => setSettingsOpen(true)}>
          Settings
        </button>
      </header>
      {contactPrompt.asking && <SettingsDialog reason={CONTACT_REASON} onClose={contactPrompt.close} />}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
      <Sidebar current={state.view} onChoose={chooseView} counts={counts}>
        <CollectionsSection current={state.view} onChoose={chooseView} onMessage={setMessage} />
        <SavedSearches current={state.view} onChoose={chooseView} onMessage={setMessage} />
        <SavedPubmedSearches current={state.view} onChoose={chooseView} />
        <TagSelector items={items} selected={state.tags} onChange={tags => update({ tags })} onMessage={setMessage} />
      </Sidebar>
      <main className="item-list">
        {state.view.kind === 'dashboard' ? (
          <Dashboard onFilter={(view, search) => (chooseView(view), update({ search, tags: [] }))} onMessage={setMessage} />
        ) : state.view.kind === 'pubmed' ? (
          <PubmedSearchView key={state.view.savedId ?? 'search'} savedId={state.view.savedId} onMessage={setMessage} />
        ) : (
          <>
            <FacetPanel items={items} state={state} onSearch={search => update({ search })} />
            <SelectionBar
              view={state.view}
              selectedIds={selectedItems.map(i => i.id)}
              trashCount={counts.trash}
              onTrash={ids => void trash(ids)}
              onSelectionDone={() => setSelection({ ids: [] })}
              onMessage={setMessage}
            />
            <SelectedPapersBar view={state.view} selectedIds={selection.ids} onMessage={setMessage} />
            {state.view.kind === 'duplicates' && <DuplicatesPanel pairs={duplicatePairs} onMessage={setMessage} />}
            <ColumnsMenu columns={columns} onChange={setColumns} />
            <ItemList
              items={items}
              columns={columns}
              sort={state.sort}
              onSort={sort => update({ sort })}
              selection={selection}
              onSelect={setSelection}
              onDragItems={startDraggingItems}
              emptyText={state.search ? 'No paper matches this search.' : EMPTY_TEXT[state.view.kind]}
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
          item={selectedItems.length === 1 ? selectedItems[0] : undefined}
          count={selectedItems.length}
          onMessage={setMessage}
          search={state.search}
        />
      </div>
      <footer>
        <span className="library-count" aria-live="polite">
          {items.length} {items.length === 1 ? 'item' : 'items'}
          {!store.complete && ' (opening the library…)'}
        </span>
        {background && (
          <span className="library-count" role="progressbar" aria-label="Background work" aria-valuetext={background}>
            {background}
          </span>
        )}
        <ExtractionProgress />
        <StatusMessage message={message} onDismiss={() => setMessage(null)} />
      </footer>
    </div>
  )
}
