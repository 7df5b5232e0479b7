// A new paper's id: a UUID that starts with the time it was made (version 7, RFC 9562), not a random one (version 4).
// IndexedDB keeps a store's rows, and its added-date index (one date for a whole import, then the id), in key order:
// an import's papers with random ids were written all over both; ids in the order they are made go at the end.

/** the last id's time (ms) and its count within that millisecond: ids made one after another sort in that order */
let lastTime = 0
let sequence = 0

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
  // a version 4 UUID's last 62 random bits and its variant, after "xxxxxxxx-xxxx-4xxx"
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, '0')}${crypto.randomUUID().slice(18)}`
}
