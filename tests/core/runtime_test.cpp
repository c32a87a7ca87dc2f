#include "document.hpp"
#include "runtime.hpp"
#include <algorithm>
#include <catch2/catch.hpp>

using namespace atollrt;

// Drains the shared queue the way the host does: reads entries from the view.
static std::vector<std::pair<ListenerId, PayloadId>> drain(Runtime& rt) {
  std::vector<std::pair<ListenerId, PayloadId>> calls;
  SharedView& view = rt.view();
  while (view.head < view.tail) {
    QueueEntry entry = view.entries[view.head++];
    if (entry.listener) calls.emplace_back(entry.listener, entry.payload);
  }
  return calls;
}

TEST_CASE("notify queues listeners in listen order, the same function twice") {
  Runtime rt;
  StoreId a = rt.createStore(Kind::Atom);
  ListenerId l1 = rt.addListener(a, 1);
  ListenerId l2 = rt.addListener(a, 2);
  ListenerId l3 = rt.addListener(a, 1);
  REQUIRE(rt.listenerCount(a) == 3);
  REQUIRE(rt.notify(a, 10));
  auto calls = drain(rt);
  REQUIRE(calls == decltype(calls){{l1, 10}, {l2, 10}, {l3, 10}});
  REQUIRE(rt.version(a) == 1);
}

TEST_CASE("removing a listener drops its queued calls and reuses the slot safely") {
  Runtime rt;
  StoreId a = rt.createStore(Kind::Atom);
  ListenerId l1 = rt.addListener(a, 1);
  ListenerId l2 = rt.addListener(a, 2);
  rt.notify(a, 5);
  REQUIRE(rt.removeListener(l1) == 1);
  REQUIRE(rt.removeListener(l1) == -1);
  ListenerId l4 = rt.addListener(a, 4);
  REQUIRE(l4 == l1); // slot reused, but the old queued call was dropped
  auto calls = drain(rt);
  REQUIRE(calls == decltype(calls){{l2, 5}});
  (void)l2;
}

TEST_CASE("a notify during draining appends to the same queue (breadth first)") {
  Runtime rt;
  StoreId a = rt.createStore(Kind::Atom);
  ListenerId l1 = rt.addListener(a, 1);
  ListenerId l2 = rt.addListener(a, 2);
  rt.notify(a, 1);
  SharedView& view = rt.view();
  QueueEntry first = view.entries[view.head++];
  REQUIRE(first.listener == l1);
  rt.notify(a, 2); // l1 reacts by setting again
  auto rest = drain(rt);
  REQUIRE(rest == decltype(rest){{l2, 1}, {l1, 2}, {l2, 2}});
}

TEST_CASE("batch: nested levels defer, the outermost flushes each function once") {
  Runtime rt;
  StoreId a = rt.createStore(Kind::Atom);
  StoreId b = rt.createStore(Kind::Atom);
  ListenerId la = rt.addListener(a, 7);
  rt.addListener(b, 7); // same function on another store
  ListenerId lb = rt.addListener(b, 8);
  rt.beginBatch();
  rt.beginBatch();
  REQUIRE_FALSE(rt.notify(a, 1));
  REQUIRE_FALSE(rt.notify(a, 2));
  REQUIRE_FALSE(rt.notify(b, 3));
  REQUIRE_FALSE(rt.endBatch());
  REQUIRE(drain(rt).empty());
  REQUIRE(rt.endBatch());
  auto calls = drain(rt);
  REQUIRE(calls == decltype(calls){{la, 1}, {lb, 3}});
  REQUIRE(rt.batchDepth() == 0);
}

TEST_CASE("computed graph: a diamond settles by height, the sink once") {
  Runtime rt;
  StoreId a = rt.createStore(Kind::Atom);
  StoreId b = rt.createStore(Kind::Computed);
  StoreId c = rt.createStore(Kind::Computed);
  StoreId d = rt.createStore(Kind::Computed);
  rt.addSource(b, a);
  rt.addSource(c, a);
  rt.addSource(d, b);
  rt.addSource(d, c);
  REQUIRE(rt.height(d) == 2);
  rt.addListener(a, 1, b);
  rt.addListener(a, 2, c);
  rt.addListener(b, 3, d);
  rt.addListener(c, 4, d);
  REQUIRE(rt.listenerCount(a) == 2);
  rt.notify(a, 0);
  REQUIRE(drain(rt).empty()); // edges are never queued
  REQUIRE(rt.view().pendingComputeds == 2);
  std::vector<StoreId> order;
  for (StoreId next; (next = rt.nextRecompute(UINT32_MAX));) {
    order.push_back(next);
    if (next != d) rt.notify(next, 0); // b and c changed
  }
  REQUIRE(order == std::vector<StoreId>{b, c, d});
}

TEST_CASE("nextRecompute respects the height limit") {
  Runtime rt;
  StoreId a = rt.createStore(Kind::Atom);
  StoreId b = rt.createStore(Kind::Computed);
  StoreId c = rt.createStore(Kind::Computed);
  rt.addSource(b, a);
  rt.addSource(c, b);
  rt.addListener(a, 1, b);
  rt.addListener(b, 2, c);
  rt.notify(a, 0);
  REQUIRE(rt.nextRecompute(0) == 0);
  REQUIRE(rt.nextRecompute(1) == b);
}

TEST_CASE("names: one name is one store; another kind is refused") {
  Runtime rt;
  NameResult first = rt.resolveName("cart/open", Kind::Atom);
  REQUIRE(first.status == NameStatus::Created);
  NameResult again = rt.resolveName("cart/open", Kind::Atom);
  REQUIRE(again.status == NameStatus::Found);
  REQUIRE(again.store == first.store);
  NameResult clash = rt.resolveName("cart/open", Kind::Map);
  REQUIRE(clash.status == NameStatus::KindMismatch);
  REQUIRE(clash.store == first.store);
  REQUIRE(rt.kind(first.store) == Kind::Atom);
}

static std::vector<uint32_t> order(Runtime& rt, StoreId map) {
  rt.mapPublishOrder(map);
  return {rt.view().scratch, rt.view().scratch + rt.view().scratchLength};
}

TEST_CASE("documents: a map syncs per key and prints in key order") {
  Runtime rt;
  Documents docs;
  StoreId m = rt.createStore(Kind::Map);
  rt.mapPut(m, 1);
  rt.mapPut(m, 2);
  REQUIRE(rt.takeDocumentChanges(m) == Runtime::kDocWhole); // first sync sends everything
  REQUIRE(docs.setKey(m, 1, "a", "1").empty());
  REQUIRE(docs.setKey(m, 2, "b", "{\"x\":[true]}").empty());
  auto keys = order(rt, m);
  REQUIRE(docs.text(m, &keys) == R"({"a":1,"b":{"x":[true]}})");

  rt.mapErase(m, 1);
  rt.mapPut(m, 3);
  REQUIRE(rt.takeDocumentChanges(m) == Runtime::kDocKeys);
  std::vector<uint32_t> changed(rt.view().scratch, rt.view().scratch + rt.view().scratchLength);
  std::sort(changed.begin(), changed.end());
  REQUIRE(changed == std::vector<uint32_t>{1, 3});
  docs.eraseKey(m, 1);
  REQUIRE(docs.setKey(m, 3, "c\"q", "null").empty());
  keys = order(rt, m);
  REQUIRE(docs.text(m, &keys) == R"({"b":{"x":[true]},"c\"q":null})");
  REQUIRE(rt.takeDocumentChanges(m) == Runtime::kDocCurrent);
  rt.invalidateDocument(m);
  REQUIRE(rt.takeDocumentChanges(m) == Runtime::kDocWhole);
}

TEST_CASE("documents: invalid JSON is refused and the old document kept") {
  Documents docs;
  StoreId a = 1;
  REQUIRE(docs.setWhole(a, "[1,2]").empty());
  REQUIRE_FALSE(docs.setWhole(a, "[1,").empty());
  REQUIRE(docs.text(a, nullptr) == "[1,2]");
}

TEST_CASE("many listeners churn without growing the table") {
  Runtime rt;
  StoreId a = rt.createStore(Kind::Atom);
  for (int i = 0; i < 100000; ++i) {
    ListenerId l = rt.addListener(a, 1);
    REQUIRE(rt.removeListener(l) == 0);
  }
  REQUIRE(rt.addListener(a, 1) == 1);
}

TEST_CASE("released unnamed stores give their ids back; named stores stay") {
  Runtime rt;
  StoreId a = rt.createStore(Kind::Map);
  rt.mapPut(a, 7);
  rt.addListener(a, 1);
  rt.releaseStore(a);
  StoreId b = rt.createStore(Kind::Atom);
  REQUIRE(b == a);
  REQUIRE(rt.kind(b) == Kind::Atom);
  REQUIRE(rt.listenerCount(b) == 0);
  REQUIRE(rt.version(b) == 0);
  NameResult named = rt.resolveName("kept", Kind::Atom);
  rt.releaseStore(named.store);
  REQUIRE(rt.createStore(Kind::Atom) != named.store);
  REQUIRE(rt.resolveName("kept", Kind::Atom).store == named.store);
}

TEST_CASE("documents: nested objects keep the key order they were written in") {
  Documents docs;
  REQUIRE(docs.setWhole(1, R"({"name":"mug","id":"b","price":{"value":3,"currency":"EUR"}})").empty());
  REQUIRE(docs.text(1, nullptr) == R"({"name":"mug","id":"b","price":{"value":3,"currency":"EUR"}})");
}
