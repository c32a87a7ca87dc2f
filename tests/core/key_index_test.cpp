#include "key_index.hpp"
#include <catch2/catch.hpp>

using atollrt::KeyIndex;

static std::vector<uint32_t> keysInOrder(const KeyIndex& index) {
  std::vector<uint32_t> pairs, keys;
  index.appendInOrder(pairs);
  for (size_t i = 0; i < pairs.size(); i += 2) keys.push_back(pairs[i]);
  return keys;
}

TEST_CASE("keys keep insertion order; a deleted key that returns goes last") {
  KeyIndex index;
  index.put(7);
  index.put(3);
  index.put(9);
  REQUIRE(keysInOrder(index) == std::vector<uint32_t>{7, 3, 9});
  REQUIRE(index.erase(3) != KeyIndex::kMissing);
  index.put(3);
  REQUIRE(keysInOrder(index) == std::vector<uint32_t>{7, 9, 3});
}

TEST_CASE("put on an existing key keeps its slot; erase frees the slot for reuse") {
  KeyIndex index;
  bool added = false;
  uint32_t a = index.put(1, &added);
  REQUIRE(added);
  REQUIRE(index.put(1, &added) == a);
  REQUIRE_FALSE(added);
  uint32_t b = index.put(2);
  REQUIRE(a != b);
  REQUIRE(index.erase(1) == static_cast<int32_t>(a));
  REQUIRE(index.find(1) == KeyIndex::kMissing);
  REQUIRE(index.erase(1) == KeyIndex::kMissing);
  REQUIRE(index.put(5) == a);
  REQUIRE(index.size() == 2);
}

TEST_CASE("a large index stays consistent under churn") {
  KeyIndex index;
  for (uint32_t k = 0; k < 5000; ++k) index.put(k);
  for (uint32_t k = 0; k < 5000; k += 2) index.erase(k);
  REQUIRE(index.size() == 2500);
  auto keys = keysInOrder(index);
  REQUIRE(keys.front() == 1);
  REQUIRE(keys.back() == 4999);
  for (uint32_t k = 1; k < 5000; k += 2) REQUIRE(index.find(k) != KeyIndex::kMissing);
}
