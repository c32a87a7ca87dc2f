// The computed graph: which computed stores may be out of date. Its edges
// are listeners (Listeners::Listener::edgeOf), so a computed's inputs reach
// it in the same queue, in the same order, as user listeners; this part
// keeps the stale flags the host reads from SharedView::stale.
#pragma once
#include "ids.hpp"
#include "listeners.hpp"
#include "shared_view.hpp"
#include <cstdint>
#include <vector>

namespace atollrt {

class ComputedGraph {
public:
  explicit ComputedGraph(SharedView& view);
  ComputedGraph(const ComputedGraph&) = delete;
  ComputedGraph& operator=(const ComputedGraph&) = delete;

  // Store `id` was made or released: it starts (again) fresh.
  void resetStore(StoreId id);
  bool isStale(StoreId id) const { return stale_[id] != 0; }
  // Marks every computed store derived from `changed` stale.
  void markDerivedStale(StoreId changed, const Listeners& listeners);

private:
  IdTable<StoreId, uint8_t> stale_; // SharedView::stale points here
  std::vector<StoreId> markStack_;
  SharedView& view_;
};

} // namespace atollrt
