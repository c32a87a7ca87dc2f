// The computed graph: which computed stores may be out of date.
#include "runtime.hpp"

namespace atollrt {

// Marks every computed store derived from `changed` stale, depth first.
// A computed that is already stale is skipped: by the invariant (see
// SharedView) everything derived from it is stale already.
void Runtime::markStale(StoreId changed) {
  markStack_.push_back(changed);
  while (!markStack_.empty()) {
    StoreId store = markStack_.back();
    markStack_.pop_back();
    for (ListenerId listener : stores_[store].listeners) {
      StoreId computed = listeners_[listener].edgeOf;
      if (computed == 0 || stale_[computed]) continue;
      stale_[computed] = 1;
      markStack_.push_back(computed);
    }
  }
}

} // namespace atollrt
