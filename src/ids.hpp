// Small integer handles shared by the core and its host (the JS layer).
// Handles cross the wasm boundary as plain numbers, never as strings; inside
// the core each kind of handle is its own type, so a store id cannot be
// passed where a function id is expected (addListener(StoreId, FnId, ...)
// does not compile with its arguments swapped), and a table indexed by one
// kind of id cannot be read with another. Only bindings/ turns numbers into
// ids and back.
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace atollrt {

// One kind of handle: a uint32_t that converts to and from numbers only when
// asked (explicitly). Id{} is 0, which no table gives out: row 0 of every
// table is reserved, so a 0 in shared memory can mean "none".
template <typename Tag>
class Id {
public:
  constexpr Id() = default;
  constexpr explicit Id(uint32_t value) : value_(value) {}
  constexpr uint32_t value() const { return value_; }
  friend constexpr bool operator==(Id a, Id b) { return a.value_ == b.value_; }
  friend constexpr bool operator!=(Id a, Id b) { return a.value_ != b.value_; }

private:
  uint32_t value_ = 0;
};

using StoreId = Id<struct StoreTag>;       // index into the store table; 0 is never a store
using ListenerId = Id<struct ListenerTag>; // slot in the listener table; 0 marks a dead queue entry
using FnId = Id<struct FnTag>;             // host's id for a listener *function* (batches dedup by it)
using PayloadId = Id<struct PayloadTag>;   // host-side record of (oldValue, changedKey)

// A table whose rows are addressed by one kind of id.
template <typename IdT, typename Row>
class IdTable {
public:
  Row& operator[](IdT id) { return rows_[id.value()]; }
  const Row& operator[](IdT id) const { return rows_[id.value()]; }
  bool has(IdT id) const { return id.value() < rows_.size(); }
  size_t size() const { return rows_.size(); }
  Row* data() { return rows_.data(); }
  // A new row at the end (Row{} or `row`); returns its id.
  IdT append() {
    rows_.emplace_back();
    return last();
  }
  IdT append(Row row) {
    rows_.push_back(std::move(row));
    return last();
  }
  // Makes row `id` exist (new rows are Row{}).
  void growTo(IdT id) {
    if (!has(id)) rows_.resize(id.value() + size_t{1});
  }

private:
  IdT last() const { return IdT(static_cast<uint32_t>(rows_.size() - 1)); }

  std::vector<Row> rows_;
};

// Tables whose rows are addressed by small ids (stores, listener slots) reuse
// the ids of removed rows, so ids stay small and tables do not grow under
// churn. Returns a free id: the last one released, or a new row at the end.
template <typename IdT, typename Row>
IdT reuseOrAppend(IdTable<IdT, Row>& table, std::vector<IdT>& released) {
  if (!released.empty()) {
    IdT id = released.back();
    released.pop_back();
    return id;
  }
  return table.append();
}

} // namespace atollrt
