// A tag as both tag views show it: its colour dot (manual tags), its kind's short
// mark, the kind's full name for screen readers, then the name.
import type { TagKind } from '@shared/tags'
import { KIND_MARK, KIND_NAME } from './tag-data'

export function TagLabel({ kind, name, color, nameClass }: { kind: TagKind; name: string; color?: string; nameClass?: string }) {
  return (
    <>
      {color && <span className="tag-dot" style={{ background: color }} aria-hidden="true" />}
      {KIND_MARK[kind] && (
        <span className="tag-kind" aria-hidden="true">
          {KIND_MARK[kind]}
        </span>
      )}
      <span className="visually-hidden">{KIND_NAME[kind]}: </span>
      <span className={nameClass}>{name}</span>
    </>
  )
}
