// The one Runtime of this wasm instance (one runtime per page).
#pragma once
#include "../src/runtime.hpp"

namespace atoll_bindings {
inline atollrt::Runtime& runtime() {
  static atollrt::Runtime instance;
  return instance;
}
} // namespace atoll_bindings
