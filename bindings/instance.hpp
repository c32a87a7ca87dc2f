// The one Runtime of this wasm instance (one runtime per page).
#pragma once
#include "../src/runtime.hpp"
#include <new>

namespace atoll_bindings {
// Built in place and never destroyed: the instance lives as long as the page,
// and a static object would pull in a destructor nothing ever runs.
inline atollrt::Runtime& runtime() {
  alignas(atollrt::Runtime) static unsigned char storage[sizeof(atollrt::Runtime)];
  static atollrt::Runtime* instance = new (storage) atollrt::Runtime();
  return *instance;
}
} // namespace atoll_bindings
