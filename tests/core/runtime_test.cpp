#include "runtime.hpp"
#include <catch2/catch.hpp>
#include <optional>
#include <type_traits>
#include <utility>

using namespace atollrt;

// Ids of different kinds do not convert into each other, nor from numbers:
// addListener(store, fn, edgeOf) cannot be called with its arguments swapped.
template <typename, typename... Args>
struct CanAddListener : std::false_type {};
template <typename... Args>
struct CanAddListener<std::void_t<decltype(std::declval<Runtime&>().addListener(std::declval<Args>()...))>, Args...>
    : std::true_type {};
static_assert(CanAddListener<void, StoreId, FnId, StoreId>::value);
static_assert(!CanAddListener<void, FnId, StoreId>::value);
static_assert(!CanAddListener<void, StoreId, StoreId>::value);
static_assert(!CanAddListener<void, StoreId, FnId, FnId>::value);
static_assert(!CanAddListener<void, uint32_t, uint32_t>::value);

using Calls = std::vector<std::pair<ListenerId, uint32_t>>; // (listener, payload number)

// Drains the queue the way the host does: outside a batch it reads entries
// from the view, while a batch is open it asks take().
static Calls drain(Runtime& rt) {
  Calls calls;
  SharedView& view = rt.view();
  if (rt.batchOpen()) {
    while (std::optional<ListenerId> next = rt.take()) calls.emplace_back(*next, view.takenPayload.value());
    return calls;
  }
  while (view.head < view.tail) {
    QueueEntry entry = view.entries[view.head++];
    if (entry.live()) calls.emplace_back(entry.listener, entry.payload.value());
  }
  return calls;
}

TEST_CASE("notify queues listeners in listen order, the same function twice") {
  Runtime rt;
  StoreId a = rt.createStore();
  ListenerId l1 = rt.addListener(a, FnId(1));
  ListenerId l2 = rt.addListener(a, FnId(2));
  ListenerId l3 = rt.addListener(a, FnId(1));
  REQUIRE(rt.listenerCount(a) == 3);
  REQUIRE(rt.notify(a, PayloadId(10)));
  REQUIRE(drain(rt) == Calls{{l1, 10}, {l2, 10}, {l3, 10}});
}

TEST_CASE("removing a function removes its first listener and every queued call of it") {
  Runtime rt;
  StoreId a = rt.createStore();
  ListenerId l1 = rt.addListener(a, FnId(1));
  ListenerId l2 = rt.addListener(a, FnId(2));
  ListenerId l3 = rt.addListener(a, FnId(1));
  rt.notify(a, PayloadId(5));
  REQUIRE(rt.removeListener(a, FnId(1)) == 2u);
  REQUIRE(rt.view().removedListener == l1);
  ListenerId l4 = rt.addListener(a, FnId(4));
  REQUIRE(l4 == l1); // slot reused, but the old queued call was dropped
  REQUIRE(drain(rt) == Calls{{l2, 5}});
  rt.notify(a, PayloadId(6));
  REQUIRE(drain(rt) == Calls{{l2, 6}, {l3, 6}, {l4, 6}});
  REQUIRE(rt.removeListener(a, FnId(9)) == std::nullopt);
}

TEST_CASE("a notify during draining appends to the same queue (breadth first)") {
  Runtime rt;
  StoreId a = rt.createStore();
  ListenerId l1 = rt.addListener(a, FnId(1));
  ListenerId l2 = rt.addListener(a, FnId(2));
  rt.notify(a, PayloadId(1));
  SharedView& view = rt.view();
  QueueEntry first = view.entries[view.head++];
  REQUIRE(first.listener == l1);
  rt.notify(a, PayloadId(2)); // l1 reacts by setting again
  REQUIRE(drain(rt) == Calls{{l2, 1}, {l1, 2}, {l2, 2}});
}

TEST_CASE("batch: a function is queued once per store until it runs, then covers every store") {
  Runtime rt;
  StoreId a = rt.createStore();
  StoreId b = rt.createStore();
  ListenerId la = rt.addListener(a, FnId(7));
  rt.addListener(b, FnId(7)); // same function on another store
  ListenerId lb = rt.addListener(b, FnId(8));
  rt.openBatch();
  REQUIRE_FALSE(rt.notify(a, PayloadId(1)));
  REQUIRE_FALSE(rt.notify(a, PayloadId(2)));
  REQUIRE_FALSE(rt.notify(b, PayloadId(3)));
  REQUIRE(drain(rt) == Calls{{la, 1}, {lb, 3}});
  REQUIRE_FALSE(rt.batchOpen()); // the empty queue closed it
  REQUIRE(rt.notify(a, PayloadId(4)));
}

TEST_CASE("batch: a reused function id starts with an empty batch record") {
  for (bool fresh : {false, true}) {
    Runtime rt;
    StoreId a = rt.createStore();
    rt.addListener(a, FnId(7));
    rt.openBatch();
    rt.notify(a, PayloadId(1)); // function 7 now has `a` in its batch record
    rt.clearListeners(a);       // cleanStores(): the record stays, as in Nano Stores
    ListenerId next = rt.addListener(a, FnId(7), std::nullopt, fresh);
    rt.notify(a, PayloadId(2));
    // The same function stays merged; a new function given id 7 is queued.
    REQUIRE(drain(rt) == (fresh ? Calls{{next, 2}} : Calls{}));
  }
}

TEST_CASE("batch: a write made while the batch flushes queues a function that already ran") {
  Runtime rt;
  StoreId a = rt.createStore();
  ListenerId la = rt.addListener(a, FnId(7));
  rt.openBatch();
  rt.notify(a, PayloadId(1));
  REQUIRE(rt.take() == la);
  REQUIRE_FALSE(rt.notify(a, PayloadId(2))); // still the batch: no drain request
  REQUIRE_FALSE(rt.notify(a, PayloadId(3))); // queued once
  REQUIRE(drain(rt) == Calls{{la, 2}});
}

TEST_CASE("batch: removing a listener forgets its batch record") {
  Runtime rt;
  StoreId a = rt.createStore();
  rt.addListener(a, FnId(7));
  rt.openBatch();
  rt.notify(a, PayloadId(1));
  REQUIRE(rt.removeListener(a, FnId(7)) == 0u);
  ListenerId again = rt.addListener(a, FnId(7));
  rt.notify(a, PayloadId(2));
  REQUIRE(drain(rt) == Calls{{again, 2}});
}

TEST_CASE("computed graph: a change marks everything derived from it stale, once") {
  Runtime rt;
  StoreId a = rt.createStore();
  StoreId b = rt.createStore();
  StoreId c = rt.createStore();
  StoreId d = rt.createStore();
  StoreId other = rt.createStore();
  ListenerId eb = rt.addListener(a, FnId(1), b);
  ListenerId ec = rt.addListener(a, FnId(2), c);
  rt.addListener(b, FnId(3), d);
  rt.addListener(c, FnId(3), d);
  uint8_t* stale = rt.view().stale;
  rt.notify(a, PayloadId(0));
  REQUIRE((stale[b.value()] && stale[c.value()] && stale[d.value()]));
  REQUIRE_FALSE(stale[other.value()]);
  REQUIRE(drain(rt) == Calls{{eb, 0}, {ec, 0}}); // edges are ordinary queued listeners
  stale[b.value()] = stale[c.value()] = stale[d.value()] = 0;
  rt.notify(c, PayloadId(0));
  REQUIRE((!stale[b.value()] && !stale[c.value()] && stale[d.value()]));
}

TEST_CASE("take passes over a call of an idle-while-fresh edge whose computed is fresh") {
  Runtime rt;
  StoreId a = rt.createStore();
  StoreId b = rt.createStore();
  StoreId c = rt.createStore();
  ListenerId eb = rt.addListener(a, FnId(1), b, false, true); // idle while b is fresh
  ListenerId ec = rt.addListener(a, FnId(2), c);              // always delivered
  ListenerId la = rt.addListener(a, FnId(3));
  uint8_t* stale = rt.view().stale;
  rt.openBatch();
  rt.notify(a, PayloadId(1));
  REQUIRE(drain(rt) == Calls{{eb, 1}, {ec, 1}, {la, 1}}); // b stale: delivered
  rt.openBatch();
  rt.notify(a, PayloadId(2));
  stale[b.value()] = stale[c.value()] = 0; // the host re-derived both inside the batch
  REQUIRE(drain(rt) == Calls{{ec, 2}, {la, 2}});
  // The call passed over still counts as made for the batch: function 1's
  // record starts empty, so a write during the flush queues it again.
  rt.openBatch();
  rt.notify(a, PayloadId(3));
  stale[b.value()] = 0;
  REQUIRE(rt.take() == ec);
  rt.notify(a, PayloadId(4)); // b stale again
  REQUIRE(drain(rt) == Calls{{la, 3}, {eb, 4}, {ec, 4}});
}

TEST_CASE("many listeners churn without growing the table") {
  Runtime rt;
  StoreId a = rt.createStore();
  for (int i = 0; i < 100000; ++i) {
    rt.addListener(a, FnId(1));
    REQUIRE(rt.removeListener(a, FnId(1)) == 0u);
  }
  REQUIRE(rt.addListener(a, FnId(1)) == ListenerId(1));
}

TEST_CASE("released stores give their ids back, once") {
  Runtime rt;
  StoreId a = rt.createStore();
  rt.addListener(a, FnId(1));
  rt.releaseStore(a);
  StoreId b = rt.createStore();
  REQUIRE(b == a);
  REQUIRE(rt.listenerCount(b) == 0);
  REQUIRE(rt.view().stale[b.value()] == 0);
  rt.releaseStore(b);
  rt.releaseStore(b); // a second release must not free the id twice
  StoreId c = rt.createStore();
  StoreId d = rt.createStore();
  REQUIRE(c == b);
  REQUIRE(d != c);
}
