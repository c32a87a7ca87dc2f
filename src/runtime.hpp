// The store runtime: every store's listeners in order, the page's one
// notification queue, batches, and the computed graph's staleness. Values
// themselves stay with the host (JS values cannot live in wasm); the core
// decides *who* hears *what*, *when*.
//
// The queue follows Nano Stores 1.x exactly, so code written for it runs the
// same: a notify appends every listener of the store (breadth first, FIFO);
// a computed store's input edge is an ordinary listener in that queue (its
// function re-derives the computed), so derived stores update in the same
// order, interleaved with user listeners, as there.
//
// Runtime puts together parts with one job each: StoreTable (live store
// ids), Listeners (each store's listeners in order), NotifyQueue (the FIFO
// queue), Batches (what a batch merges) and ComputedGraph (stale flags).
// SharedView is what the host reads of them without a call.
#pragma once
#include "batches.hpp"
#include "computed_graph.hpp"
#include "ids.hpp"
#include "listeners.hpp"
#include "notify_queue.hpp"
#include "shared_view.hpp"
#include "store_table.hpp"
#include <cstdint>
#include <optional>

namespace atollrt {

class Runtime {
public:
  Runtime();
  // The parts point into view_: a Runtime stays where it was made.
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // ---- stores -------------------------------------------------------------
  // Reuses the id of a released store when there is one. Names and kinds are
  // the host's: it keeps one name -> store table per page (see engine.js), so
  // the core holds no strings.
  StoreId createStore();
  // The host dropped a store nothing can reach: forget it and free its id.
  // The store has no listeners by then (listeners keep the host's store
  // object alive). Releasing a free id again does nothing.
  void releaseStore(StoreId id);
  bool isStore(StoreId id) const { return stores_.isLive(id); }

  // ---- listeners ------------------------------------------------------------
  // An `edgeOf` makes this listener the graph edge "computed edgeOf reads
  // store": queued like any listener, and a change of `store` also marks
  // edgeOf (and everything derived from it) stale at once. The host marks
  // edgeOf stale itself once its edges are added: a marking walk stops at a
  // store that is stale already, so it would not reach a fresh edgeOf there.
  // `freshFn`: the host gives `fn` to a function for the first time (host
  // function ids are reused once a function has no listeners left), so
  // whatever the id's earlier function left in its batch record is dropped.
  // `idleWhileFresh` (edges only): calling this listener does nothing while
  // edgeOf is not stale, so take() passes over such a call instead of
  // returning it (see take()).
  ListenerId addListener(StoreId store, FnId fn, std::optional<StoreId> edgeOf = std::nullopt, bool freshFn = false,
                         bool idleWhileFresh = false);
  // Removes the *first* listener of `store` whose function is `fn` (as Nano
  // Stores' unbind does), every queued call of `fn` for `store`, and `store`
  // from fn's batch record. Returns the store's new listener count (the
  // removed slot is in view().removedListener), or nothing when there was none.
  std::optional<uint32_t> removeListener(StoreId store, FnId fn);
  uint32_t listenerCount(StoreId store) const { return static_cast<uint32_t>(listeners_.of(store).size()); }
  // Drops every listener of a store (cleanStores); returns how many.
  uint32_t clearListeners(StoreId store);

  // ---- notification ----------------------------------------------------------
  // A store changed (or was notified by hand): marks what is derived from it
  // stale and queues its listeners. While a batch is open a listener function
  // is queued once per store until it runs (see take()).
  // Returns true when the host should drain the queue now (no batch open).
  bool notify(StoreId store, PayloadId payload);
  // Opens a batch (the host counts nesting itself; only the outermost opens).
  // The wasm host writes view().batch instead; this is the same for C++ hosts.
  void openBatch() { batches_.open(); }
  bool batchOpen() const { return batches_.isOpen(); }
  // While a batch is open: the next listener to call (its payload in
  // view().takenPayload), skipping calls a batch merged into an earlier call
  // of the same function; nothing when the queue is empty, which closes the batch.
  // A call of an idleWhileFresh edge whose computed is not stale is taken
  // (the batch record moves on as if it ran) but not returned: the host's
  // call would do nothing, so a flush that re-read a computed already (a
  // read inside the batch) makes no call for its edges.
  std::optional<ListenerId> take();

  SharedView& view() { return view_; }

private:
  SharedView view_; // first: the parts below keep a reference to it
  StoreTable stores_;
  Listeners listeners_;
  NotifyQueue queue_;
  Batches batches_;
  ComputedGraph graph_;
};

} // namespace atollrt
