// The computed graph: which computed stores may be out of date.
#include "computed_graph.hpp"

namespace atollrt {

ComputedGraph::ComputedGraph(SharedView& view) : view_(view) {
  stale_.append(0); // store 0 is "no store"
  view_.stale = stale_.data();
}

void ComputedGraph::resetStore(StoreId id) {
  if (!stale_.has(id)) { // a new id (ids grow one at a time)
    while (!stale_.has(id)) stale_.append(0);
    view_.stale = stale_.data(); // may have moved: the host re-reads it
  }
  stale_[id] = 0;
}

// Depth first. A computed that is already stale is skipped: by the invariant
// (see SharedView::stale) everything derived from it is stale already.
void ComputedGraph::markDerivedStale(StoreId changed, const Listeners& listeners) {
  // The changed store itself never goes on the stack: most notifies reach no
  // computed that is not stale already, and then the stack is never touched.
  StoreId store = changed;
  for (;;) {
    for (ListenerId listener : listeners.of(store)) {
      std::optional<StoreId> computed = listeners[listener].edgeOf;
      if (!computed || stale_[*computed]) continue;
      stale_[*computed] = 1;
      markStack_.push_back(*computed);
    }
    if (markStack_.empty()) return;
    store = markStack_.back();
    markStack_.pop_back();
  }
}

} // namespace atollrt
