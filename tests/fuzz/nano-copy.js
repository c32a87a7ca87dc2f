// A separate instance of nanostores, from a copy of its files in a temporary
// folder, optionally with a deliberate change. Importing the package twice
// would give the same module instance; a copy has its own queue and state, so
// "nanostores vs its copy" is a real two-library run of the harness.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { muteDeepMapNotice } from './quiet.js'

const nanoDir = dirname(createRequire(import.meta.url).resolve('nanostores/package.json'))

// `mutations`: [{ file, from, to }], each must change its file.
export async function importNanoCopy(mutations = []) {
  let dir = mkdtempSync(join(tmpdir(), 'atoll-fuzz-nano-'))
  try {
    cpSync(nanoDir, dir, { recursive: true })
    for (let { file, from, to } of mutations) {
      let path = join(dir, file)
      let text = readFileSync(path, 'utf8')
      if (!text.includes(from)) throw new Error(`mutation of ${file} did not apply: ${from}`)
      writeFileSync(path, text.replace(from, to))
    }
    let lib = await import(pathToFileURL(join(dir, 'index.js')).href)
    muteDeepMapNotice(lib)
    return lib
  } finally {
    // Loaded modules stay in memory; the files are not needed any more.
    rmSync(dir, { recursive: true, force: true })
  }
}

// A deliberate bug for the self-test: setKey(key, undefined) writes the key
// as undefined instead of deleting it.
export const DELETE_BUG = {
  file: 'map/index.js',
  from: "typeof value === 'undefined' && key in $map.value",
  to: 'false'
}
