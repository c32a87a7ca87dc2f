// Writes `value` as an own data property of a plain object or array, whatever
// the key's name. Plain assignment is right for every key but '__proto__',
// where it would run Object.prototype's setter and replace the prototype: keys
// come from outside (forms, saved data, other tabs) and must never do that.
export let setOwn = (object, key, value) => {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true })
  } else {
    object[key] = value
  }
}
