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
#include <string>
#include <unordered_map>
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
struct SharedView {
  const QueueEntry* entries = nullptr;
  uint32_t head = 0;
  uint32_t tail = 0;
  uint8_t* stale = nullptr;
  uint32_t takenPayload = 0;
  uint32_t removedListener = 0;
};

enum class NameStatus : int32_t { Created = 0, Found = 1, KindMismatch = 2 };

struct NameResult {
  StoreId store;
  NameStatus status;
};

class Runtime {
public:
  Runtime();

  // ---- stores -------------------------------------------------------------
  // Reuses the id of a released store when there is one.
  StoreId createStore(Kind kind);
  // The host dropped an unnamed store: forget it and free its id. The store
  // has no listeners by then (listeners keep the host's store object alive).
  void releaseStore(StoreId id);
  // One name is one store: returns the existing store when the kinds agree.
  NameResult resolveName(const std::string& name, Kind kind);
  bool isStore(StoreId id) const { return id != 0 && id < stores_.size(); }
  Kind kind(StoreId id) const { return stores_[id].kind; }

  // ---- listeners ------------------------------------------------------------
  // `edgeOf` != 0 makes this listener the graph edge "computed edgeOf reads
  // store": queued like any listener, and a change of `store` also marks
  // edgeOf (and everything derived from it) stale at once. The host marks
  // edgeOf stale itself once its edges are added: a marking walk stops at a
  // store that is stale already, so it would not reach a fresh edgeOf there.
  ListenerId addListener(StoreId store, FnId fn, StoreId edgeOf = 0);
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
  void openBatch();
  bool batchOpen() const { return batchOpen_; }
  // While a batch is open: the next listener to call (its payload in
  // view().takenPayload), skipping calls a batch merged into an earlier call
  // of the same function; 0 when the queue is empty, which closes the batch.
  ListenerId take();

  SharedView& view() { return view_; }

private:
  struct StoreRecord {
    Kind kind = Kind::Atom;
    std::vector<ListenerId> listeners; // in listen() order; one fn may appear twice
    std::string name;                  // "" for unnamed stores
  };
  struct ListenerRecord {
    StoreId store = 0;
    FnId fn = 0;
    StoreId edgeOf = 0;
    bool live = false;
  };

  void enqueue(ListenerId listener, PayloadId payload);
  void publishQueue();
  void markStale(StoreId changed);
  // Batch record of one listener function: the stores it has a queued call
  // for since it last ran. Nano Stores' rule, kept exactly.
  std::vector<StoreId>* batchRecord(FnId fn);

  std::vector<StoreRecord> stores_;
  std::vector<StoreId> freeStores_;
  std::vector<uint8_t> stale_; // indexed by StoreId; view_.stale points here
  std::unordered_map<std::string, StoreId> names_;
  std::vector<ListenerRecord> listeners_;
  std::vector<ListenerId> freeListeners_;
  std::vector<QueueEntry> queue_;
  bool batchOpen_ = false;
  std::unordered_map<FnId, std::vector<StoreId>> batchSeen_; // only while a batch is open
  std::vector<StoreId> markStack_;
  SharedView view_;
};

} // namespace atollrt
