#include "document.hpp"
#include <catch2/catch.hpp>

using namespace atollrt;

TEST_CASE("documents: a map syncs per key and prints in key order") {
  Documents docs;
  StoreId m = 1;
  REQUIRE(docs.setKey(m, 1, "a", "1").empty());
  REQUIRE(docs.setKey(m, 2, "b", "{\"x\":[true]}").empty());
  std::vector<uint32_t> keys{1, 0, 2, 1};
  REQUIRE(docs.text(m, &keys) == R"({"a":1,"b":{"x":[true]}})");
  docs.eraseKey(m, 1);
  REQUIRE(docs.setKey(m, 3, "c\"q", "null").empty());
  keys = {2, 1, 3, 0};
  REQUIRE(docs.text(m, &keys) == R"({"b":{"x":[true]},"c\"q":null})");
}

TEST_CASE("documents: invalid JSON is refused and the old document kept") {
  Documents docs;
  StoreId a = 1;
  REQUIRE(docs.setWhole(a, "[1,2]").empty());
  REQUIRE_FALSE(docs.setWhole(a, "[1,").empty());
  REQUIRE(docs.text(a, nullptr) == "[1,2]");
}

TEST_CASE("documents: nested objects keep the key order they were written in") {
  Documents docs;
  REQUIRE(docs.setWhole(1, R"({"name":"mug","id":"b","price":{"value":3,"currency":"EUR"}})").empty());
  REQUIRE(docs.text(1, nullptr) == R"({"name":"mug","id":"b","price":{"value":3,"currency":"EUR"}})");
}
