// A store as a page's islands find it after a reload: created with the value
// the (pre-rendered) HTML shows, then changed by persist(), which restores
// the saved state before anything hydrates. Shared by the adapters' hydration
// tests.
import { persist } from 'atoll-store/persistent'

export function memoryStorage(items = {}) {
  let data = new Map(Object.entries(items))
  return {
    getItem: key => (data.has(key) ? data.get(key) : null),
    setItem: (key, value) => data.set(key, String(value)),
    removeItem: key => data.delete(key)
  }
}

// persist()s `store` from a storage that holds `saved`; returns the store.
export function restore(store, saved) {
  persist(store, { key: 'saved', storage: memoryStorage({ saved: JSON.stringify(saved) }) })
  return store
}
