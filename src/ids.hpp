// Small integer handles shared by the core and its host (the JS layer).
// Handles cross the wasm boundary as plain numbers, never as strings.
#pragma once
#include <cstdint>
#include <vector>

namespace atollrt {

using StoreId = uint32_t;    // index into the store table; 0 is never a store
using ListenerId = uint32_t; // slot in the listener table; 0 marks a dead queue entry
using FnId = uint32_t;       // host's id for a listener *function* (batches dedup by it)
using PayloadId = uint32_t;  // host-side record of (oldValue, changedKey)

// Tables whose rows are addressed by small ids (stores, listener slots) reuse
// the ids of removed rows, so ids stay small and tables do not grow under
// churn. Returns a free id: the last one released, or a new row at the end.
template <typename Row>
uint32_t reuseOrAppend(std::vector<Row>& table, std::vector<uint32_t>& released) {
  if (!released.empty()) {
    uint32_t id = released.back();
    released.pop_back();
    return id;
  }
  table.emplace_back();
  return static_cast<uint32_t>(table.size() - 1);
}

} // namespace atollrt
