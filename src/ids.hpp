// Small integer handles shared by the core and its host (the JS layer).
// Handles cross the wasm boundary as plain numbers, never as strings.
#pragma once
#include <cstdint>

namespace atollrt {

using StoreId = uint32_t;    // index into the store table; 0 is never a store
using ListenerId = uint32_t; // slot in the listener table; 0 marks a dead queue entry
using FnId = uint32_t;       // host's id for a listener *function* (dedup in batches)
using KeyId = uint32_t;      // host-interned map key
using PayloadId = uint32_t;  // host-side record of (oldValue, changedKey)

enum class Kind : uint8_t { Atom = 0, Map = 1, Computed = 2 };

const char* kindName(Kind kind);

} // namespace atollrt
