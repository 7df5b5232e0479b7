// A new paper's id: a UUID that starts with the time it was made (version 7, RFC 9562), not a random one (version 4).
// IndexedDB keeps a store's rows, and its added-date index (one date for a whole import, then the id), in key order:
// an import's papers with random ids were written all over both; ids in the order they are made go at the end.

/** the last id's time (ms) and its count within that millisecond: ids made one after another sort in that order */
let lastTime = 0
let sequence = 0

/**
 * Random bytes for the ids' random bits, drawn 512 ids' worth at a time: crypto.randomUUID() asks the system for
 * randomness at every call, 6-28 µs each in Chromium (64-278 ms for 10,000, at load 12), 7 % of an import's reader
 * worker in a trace; one getRandomValues a 512 ids costs next to nothing. Same CSPRNG, same 62 random bits an id.
 */
const POOL_IDS = 512
const pool = new Uint8Array(POOL_IDS * 8)
let pooled = POOL_IDS
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/** "-yxxx-xxxxxxxxxxxx": a version 4 UUID's last 62 random bits, with its variant (y is 8, 9, a or b). */
function randomTail(): string {
  if (pooled === POOL_IDS) {
    crypto.getRandomValues(pool)
    pooled = 0
  }
  const at = pooled++ * 8
  const b = pool
  return `-${HEX[(b[at] & 0x3f) | 0x80]}${HEX[b[at + 1]]}-${HEX[b[at + 2]]}${HEX[b[at + 3]]}${HEX[b[at + 4]]}${HEX[b[at + 5]]}${HEX[b[at + 6]]}${HEX[b[at + 7]]}`
}

/** Ids made later sort after (as strings and as IndexedDB keys); 62 random bits keep two devices' ids apart. */
export function newPaperId(now = Date.now()): string {
  if (now > lastTime) {
    lastTime = now
    sequence = 0
  } else if (++sequence > 0xfff) {
    // more than 4,096 in one millisecond: the next millisecond's, still in order
    lastTime++
    sequence = 0
  }
  const time = lastTime.toString(16).padStart(12, '0')
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, '0')}${randomTail()}`
}
