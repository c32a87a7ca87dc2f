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
#pragma once
#include "ids.hpp"
#include <cstdint>
#include <vector>

namespace atollrt {

// One queued call: "call listener `listener` with the payload `payload`".
struct QueueEntry {
  ListenerId listener; // 0 once the listener was removed while queued
  PayloadId payload;
};

// What the host reads (and partly writes) straight from memory, so draining
// the queue or asking "is this computed stale?" costs no call into the core.
// Invariants:
// - entries[head..tail) are the calls not yet made, in FIFO order. Outside a
//   batch the host takes an entry by advancing `head` itself; while a batch is
//   open it calls take() instead (batch dedup needs the core).
// - stale[id] != 0 for every computed store whose inputs may have changed
//   since the host last derived it; a stale computed's dependents are stale
//   too. The host clears stale[id] when it re-derives `id`.
// - taken / removed: results of the last take() / removeListener().
// - created: the store the last createStore() made.
// - batch: 0 while no batch is open, else the open batch's number (never
//   reused by the next batch). The host opens and closes batches by writing
//   it, so a batch() costs no call of its own; the core reads it on notify.
struct SharedView {
  const QueueEntry* entries = nullptr;
  uint32_t head = 0;
  uint32_t tail = 0;
  uint8_t* stale = nullptr;
  uint32_t takenPayload = 0;
  uint32_t removedListener = 0;
  uint32_t batch = 0;
  uint32_t created = 0;
};

class Runtime {
public:
  Runtime();

  // ---- stores -------------------------------------------------------------
  // Reuses the id of a released store when there is one. Names and kinds are
  // the host's: it keeps one name -> store table per page (see engine.js), so
  // the core holds no strings.
  StoreId createStore();
  // The host dropped a store nothing can reach: forget it and free its id.
  // The store has no listeners by then (listeners keep the host's store
  // object alive). Releasing a free id again does nothing.
  void releaseStore(StoreId id);
  bool isStore(StoreId id) const { return id != 0 && id < stores_.size() && stores_[id].live; }

  // ---- listeners ------------------------------------------------------------
  // `edgeOf` != 0 makes this listener the graph edge "computed edgeOf reads
  // store": queued like any listener, and a change of `store` also marks
  // edgeOf (and everything derived from it) stale at once. The host marks
  // edgeOf stale itself once its edges are added: a marking walk stops at a
  // store that is stale already, so it would not reach a fresh edgeOf there.
  // `freshFn`: the host gives `fn` to a function for the first time (host
  // function ids are reused once a function has no listeners left), so
  // whatever the id's earlier function left in its batch record is dropped.
  ListenerId addListener(StoreId store, FnId fn, StoreId edgeOf = 0, bool freshFn = false);
  // Removes the *first* listener of `store` whose function is `fn` (as Nano
  // Stores' unbind does), every queued call of `fn` for `store`, and `store`
  // from fn's batch record. Returns the store's new listener count (the
  // removed slot is in view().removedListener), or -1 when there was none.
  int32_t removeListener(StoreId store, FnId fn);
  uint32_t listenerCount(StoreId store) const { return static_cast<uint32_t>(stores_[store].listeners.size()); }
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
  void openBatch();
  bool batchOpen() const { return view_.batch != 0; }
  // While a batch is open: the next listener to call (its payload in
  // view().takenPayload), skipping calls a batch merged into an earlier call
  // of the same function; 0 when the queue is empty, which closes the batch.
  ListenerId take();

  SharedView& view() { return view_; }

private:
  struct StoreRecord {
    std::vector<ListenerId> listeners; // in listen() order; one fn may appear twice
    bool live = false;
  };
  struct ListenerRecord {
    StoreId store = 0;
    FnId fn = 0;
    StoreId edgeOf = 0;
  };
  // Batch record of one listener function (Nano Stores' rule, kept exactly):
  // `seen` holds the stores it has a queued call for since it last ran, valid
  // only while batch `seenBatch` is open, so opening a batch clears nothing.
  struct FnRecord {
    uint32_t seenBatch = 0;
    std::vector<StoreId> seen;
  };

  void enqueue(ListenerId listener, PayloadId payload);
  void publishQueue();
  void markStale(StoreId changed);
  // fn's `seen` stores in the open batch; nullptr when fn has no record in
  // it (outside a batch, or not queued by this batch: its calls are not merged).
  std::vector<StoreId>* batchRecord(FnId fn);
  // The same, made (empty) if fn has none yet. Only while a batch is open.
  std::vector<StoreId>& startBatchRecord(FnId fn);

  std::vector<StoreRecord> stores_;
  std::vector<StoreId> freeStores_;
  std::vector<uint8_t> stale_; // indexed by StoreId; view_.stale points here
  std::vector<ListenerRecord> listeners_;
  std::vector<ListenerId> freeListeners_;
  std::vector<QueueEntry> queue_;
  std::vector<FnRecord> fns_; // indexed by FnId (the host keeps its fn ids dense)
  uint32_t batchCount_ = 0;   // numbers the batches openBatch() opens
  std::vector<StoreId> markStack_;
  SharedView view_;
};

} // namespace atollrt
