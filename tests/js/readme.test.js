// The README is the page a newcomer reads, so its code must be true: every
// JavaScript, JSX, Vue, Svelte and Astro block parses (compiles, for Vue and
// Svelte), every `import { x } from 'atoll-store/…'` names an entry of the
// package and an export of that entry, and every function a block calls is
// imported or defined in that block or another block of the same section
// (or is a JavaScript or browser global).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { transformSync } from 'esbuild'
import { compile as compileSvelte } from 'svelte/compiler'
import { parse as parseVue } from 'vue/compiler-sfc'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const README = readFileSync(`${ROOT}README.md`, 'utf8')
const PACKAGE = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'))
const CODE = new Set(['js', 'jsx', 'vue', 'svelte', 'astro'])

// Globals a snippet may call without defining them.
const GLOBALS = new Set([
  'Object',
  'Number',
  'String',
  'Boolean',
  'Array',
  'JSON',
  'Promise',
  'Symbol',
  'Map',
  'Set',
  'Error',
  'Date',
  'Math',
  'console',
  'setTimeout',
  'clearTimeout',
  'queueMicrotask',
  'fetch',
  'structuredClone',
  'require',
  'import',
  'document',
  'window',
  'URL',
  '$props',
  '$state',
  '$derived',
  '$effect' // Svelte's runes
])
// Words before "(" that are not calls of a name.
const KEYWORDS = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'function',
  'return',
  'typeof',
  'await',
  'new',
  'of',
  'in',
  'else',
  'async',
  'void',
  'delete',
  'yield',
  'do'
])

// [{ section, lang, code, line }] for every fenced block, with the nearest
// heading above it as its section.
function blocks() {
  let found = []
  let section = ''
  let lines = README.split('\n')
  for (let i = 0; i < lines.length; i++) {
    let heading = /^#{2,4} (.*)/.exec(lines[i])
    if (heading) section = heading[1]
    let open = /^```(\w*)\s*$/.exec(lines[i])
    if (!open) continue
    let end = lines.indexOf('```', i + 1)
    found.push({ section, lang: open[1], code: lines.slice(i + 1, end).join('\n'), line: i + 1 })
    i = end
  }
  return found
}

// The JavaScript of a block: a component's <script>, an Astro frontmatter.
function scriptOf({ lang, code }) {
  if (lang === 'vue' || lang === 'svelte') {
    return [...code.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map(m => m[1]).join('\n')
  }
  if (lang === 'astro') return /^---\n([\s\S]*?)\n---/.exec(code)?.[1] ?? ''
  return code
}

// Comments go (they name calls in prose), strings stay (templates call in them).
let withoutComments = code =>
  code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')

function importsOf(code) {
  let imports = []
  for (let m of code.matchAll(/(?:import|export)\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s+'([^']+)'/g)) {
    let names = (m[2] ?? '')
      .split(',')
      .map(s => s.trim())
      .filter(Boolean)
    imports.push({
      from: m[3],
      named: names.map(n => n.split(/\s+as\s+/)[0]),
      local: [m[1], ...names.map(n => n.split(/\s+as\s+/).at(-1))].filter(Boolean)
    })
  }
  return imports
}

function declaredIn(code) {
  let names = new Set()
  for (let m of code.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1])
  for (let m of code.matchAll(/\b(?:const|let|var)\s*[{[]([^}\]=]*)[}\]]\s*=/g)) {
    for (let part of m[1].split(',')) {
      let name = part.split(':').at(-1).split('=')[0].trim()
      if (name) names.add(name)
    }
  }
  for (let { local } of importsOf(code)) for (let name of local) names.add(name)
  return names
}

function callsIn(code) {
  let calls = new Set()
  for (let m of withoutComments(code).matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)\s*\(/g)) {
    if (!KEYWORDS.has(m[1]) && !GLOBALS.has(m[1])) calls.add(m[1])
  }
  return calls
}

const all = blocks().filter(block => CODE.has(block.lang))

test('the README has code in every language it shows', () => {
  let langs = new Set(all.map(block => block.lang))
  for (let lang of CODE) assert.ok(langs.has(lang), `no ${lang} block`)
})

test('every README code block parses', () => {
  for (let block of all) {
    let where = `README.md:${block.line} (${block.lang}, ${block.section})`
    if (block.lang === 'svelte') {
      assert.doesNotThrow(() => compileSvelte(block.code, { filename: 'Snippet.svelte' }), where)
    } else if (block.lang === 'vue') {
      assert.deepEqual(parseVue(block.code).errors, [], where)
    }
    let script = scriptOf(block)
    let loader = block.lang === 'astro' ? 'ts' : 'jsx'
    assert.doesNotThrow(() => transformSync(script, { loader, format: 'esm', logLevel: 'silent' }), where)
  }
})

test("every README import from 'atoll-store…' names a package entry and its exports", async () => {
  let checked = 0
  for (let block of all) {
    for (let { from, named } of importsOf(scriptOf(block))) {
      if (!from.startsWith('atoll-store')) continue
      let where = `README.md:${block.line} imports from '${from}'`
      let entry = `.${from.slice('atoll-store'.length)}`
      assert.ok(Object.hasOwn(PACKAGE.exports, entry), `${where}: package.json exports no '${entry}'`)
      let module = await import(from)
      for (let name of named) {
        assert.ok(name in module, `${where}: '${from}' has no export '${name}'`)
        checked++
      }
    }
  }
  assert.ok(checked > 20, `only ${checked} imported names checked`)
})

test('every function a README block calls is imported or defined in its section', () => {
  let sections = new Map()
  for (let block of all) {
    let list = sections.get(block.section) ?? []
    list.push(block)
    sections.set(block.section, list)
  }
  let missing = []
  for (let [section, list] of sections) {
    let declared = new Set()
    for (let block of list) for (let name of declaredIn(scriptOf(block))) declared.add(name)
    for (let block of list) {
      for (let name of callsIn(block.code)) {
        if (!declared.has(name)) missing.push(`README.md:${block.line} (${section}) calls ${name}()`)
      }
    }
  }
  assert.deepEqual(missing, [])
})
