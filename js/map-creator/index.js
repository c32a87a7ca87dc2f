// mapCreator(): one map store per id, built on demand and forgotten after it
// unmounts.
import { clean } from '../clean-stores/index.js'
import { onMount } from '../lifecycle/index.js'
import { map } from '../map/index.js'

export function mapCreator(init) {
  let Creator = (id, ...args) => {
    if (id in Object.prototype) throw new Error(`mapCreator: ${id} cannot be a store id`)
    if (!Creator.cache[id]) Creator.cache[id] = Creator.build(id, ...args)
    return Creator.cache[id]
  }
  Creator.build = (id, ...args) => {
    let store = map({ id })
    onMount(store, () => {
      let destroy = init && init(store, id, ...args)
      return () => {
        delete Creator.cache[id]
        if (destroy) destroy()
      }
    })
    return store
  }
  Creator.cache = {}
  Creator[clean] = () => {
    for (let id in Creator.cache) Creator.cache[id][clean]()
    Creator.cache = {}
  }
  return Creator
}
