// atoll-store/yjs: bindYjs takes a writable store and a Y.Doc, returns stop().
import * as Y from 'yjs'
import { atom, computed, map } from 'atoll-store'
import { ATOMS_MAP, bindYjs } from 'atoll-store/yjs'

const doc = new Y.Doc()
const cart = map<Record<string, { id: string; quantity: number }>>({}, { name: 'cart/items' })
const stop: () => void = bindYjs(cart, doc)
bindYjs(atom(false), doc, { name: 'cart/open', seed: false })
const atomsMap: 'atoll-store' = ATOMS_MAP
stop()
void atomsMap

const count = computed(cart, items => Object.keys(items).length)
// @ts-expect-error a computed store cannot be bound
bindYjs(count, doc)
// @ts-expect-error the second argument is a Y.Doc
bindYjs(cart, {})

// atoll-store/yjs-server: a Hocuspocus extension (its hook, as Hocuspocus
// calls it; @hocuspocus/server's own types need @types/node, not here).
import { DOCUMENT_TOO_LARGE, MALFORMED_UPDATE, guardRooms } from 'atoll-store/yjs-server'
const guard = guardRooms({ maxDocumentBytes: 65536, log: false })
const checked: Promise<void> = guard.beforeHandleMessage({
  update: new Uint8Array(),
  document: doc,
  documentName: 'cart:1',
  socketId: 's'
})
void checked
const codes: [4400, 4413] = [MALFORMED_UPDATE, DOCUMENT_TOO_LARGE]
void codes
// @ts-expect-error maxDocumentBytes is a number
guardRooms({ maxDocumentBytes: '1 MB' })
