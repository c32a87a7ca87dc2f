// The two libraries under comparison, and what both of them support.
import * as atoll from 'atoll-store'
import * as nano from 'nanostores'
import { muteDeepMapNotice } from './quiet.js'

muteDeepMapNotice(nano)

// deepMap is being added to atoll-store separately: until both libraries
// export it (with getPath), programs skip their deepMap steps.
export const features = {
  deepMap: [atoll, nano].every(lib => typeof lib.deepMap === 'function' && typeof lib.getPath === 'function')
}

export const libraries = { atoll, nano }
