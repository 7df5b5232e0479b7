// first: the search index's worker starts reading the saved index while the rest loads
import './start-early'
import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles.css'

// A transition: React renders the window in slices of a few milliseconds, yielding between them, so the first
// drawing is not one long task of the window's thread (issue 13).
startTransition(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
)
