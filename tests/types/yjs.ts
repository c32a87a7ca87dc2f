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

// @ts-expect-error a computed store cannot be bound
bindYjs(computed(cart, items => Object.keys(items).length), doc)
// @ts-expect-error the second argument is a Y.Doc
bindYjs(cart, {})
