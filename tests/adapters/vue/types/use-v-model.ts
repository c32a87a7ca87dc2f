// Type checks for atoll-store/vue (run: npx tsc -p tests/adapters/vue/types).
// Lines marked @ts-expect-error must be errors; the rest must compile.
import { atom, map } from 'atoll-store'
import { useStore, useVModel } from 'atoll-store/vue'
import type { WritableComputedRef } from 'vue'

const $user = map({ name: 'Ada', age: 36, city: 'London' })
const $note = atom('hi')

// Array of keys: one `<key>Model` ref per key, typed by the key's value.
const { nameModel, ageModel } = useVModel($user, ['name', 'age'])
const name: WritableComputedRef<string> = nameModel
ageModel.value = 37
// @ts-expect-error the value of `age` is a number
ageModel.value = 'old'
// @ts-expect-error only the keys asked for are there
useVModel($user, ['name']).cityModel
// @ts-expect-error not a key of the store
useVModel($user, ['name', 'nope'])

// A custom prefix (a suffix, in fact) renames the refs.
const { cityField } = useVModel($user, ['city'], { prefix: 'Field' })
cityField.value = 'Paris'
// @ts-expect-error with a prefix there is no <key>Model
useVModel($user, ['city'], { prefix: 'Field' }).cityModel
// An empty prefix falls back to 'Model', as at runtime.
useVModel($user, ['city'], { prefix: '' }).cityModel.value = 'Rome'
useVModel($user, ['city'], {}).cityModel.value = 'Oslo'

// One key, and no key: single refs as before.
const age: WritableComputedRef<number> = useVModel($user, 'age')
const note: WritableComputedRef<string> = useVModel($note)
// @ts-expect-error the store ref is read-only in the types
useStore($note).value = 'x'

export { age, name, note }
