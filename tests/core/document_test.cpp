// JSON Patch in the document module (src/document.cpp). The native build has
// exceptions on: were any input to reach a throwing nlohmann call (which in
// the wasm build would abort the module), Catch2 would report the exception.
#include "document.hpp"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using namespace atollrt;

namespace {

std::string applied(const std::string& doc, const std::string& patch) {
  PatchOutcome out = applyPatch(doc, patch);
  INFO(out.text);
  REQUIRE(out.status == PatchOutcome::Ok);
  REQUIRE(out.op == -1);
  return out.text;
}

// The status and failing op of a patch that must not apply.
void refused(const std::string& doc, const std::string& patch, int status, int op, const std::string& says) {
  PatchOutcome out = applyPatch(doc, patch);
  INFO(patch << " -> " << out.text);
  REQUIRE(out.status == status);
  REQUIRE(out.op == op);
  REQUIRE(out.text.find(says) != std::string::npos);
}

std::string diffed(const std::string& from, const std::string& to) {
  PatchOutcome out = createPatch(from, to);
  REQUIRE(out.status == PatchOutcome::Ok);
  return out.text;
}

} // namespace

TEST_CASE("createPatch: nlohmann's diff, keys escaped, key order ignored", "[document]") {
  REQUIRE(diffed(R"({"a":1,"b":[1,2]})", R"({"a":1,"b":[1,2]})") == "[]");
  REQUIRE(diffed(R"({"a":1,"b":2})", R"({"b":2,"a":1})") == "[]");
  REQUIRE(diffed(R"({"a":1,"b":2})", R"({"a":3,"c":4})") ==
          R"([{"op":"replace","path":"/a","value":3},{"op":"remove","path":"/b"},)"
          R"({"op":"add","path":"/c","value":4}])");
  REQUIRE(diffed(R"([1,2,3])", R"([1,5])") ==
          R"([{"op":"replace","path":"/1","value":5},{"op":"remove","path":"/2"}])");
  REQUIRE(diffed(R"({"a/b":{"m~n":1}})", R"({"a/b":{"m~n":2}})") ==
          R"([{"op":"replace","path":"/a~1b/m~0n","value":2}])");
  REQUIRE(diffed("1", R"("x")") == R"([{"op":"replace","path":"","value":"x"}])");
  REQUIRE(createPatch("{", "1").status == PatchOutcome::BadDocument);
  REQUIRE(createPatch("1", "[").status == PatchOutcome::BadDocument);
}

TEST_CASE("createPatch gives what nlohmann's json::diff gives, wide objects too", "[document]") {
  using Json = nlohmann::ordered_json;
  std::string wideFrom = "{", wideTo = "{";
  for (int i = 0; i < 300; ++i) {
    std::string key = "\"k" + std::to_string(i) + "\":";
    if (i % 50 != 7) wideFrom += key + std::to_string(i) + ",";
    if (i % 40 != 3) wideTo += key + std::to_string(i % 60 == 0 ? -i : i) + ",";
  }
  wideFrom.back() = '}';
  wideTo.back() = '}';
  const std::string pairs[][2] = {
      {R"({"a":1,"b":{"c":[1,2,{"d":3}]}})", R"({"a":2,"b":{"c":[1,{"d":4}],"e":null},"f":"x"})"},
      {R"([1,2,3,4,5])", R"([5])"},
      {R"([1])", R"([1,2,[3]])"},
      {R"({"x":{"y":1}})", R"({"x":[1]})"},
      {R"({"a/b":{"~":1}})", R"({"a/b":{"~":2}})"},
      {wideFrom, wideTo},
      {wideTo, wideFrom},
  };
  for (auto& pair : pairs) {
    INFO(pair[0] << " -> " << pair[1]);
    REQUIRE(diffed(pair[0], pair[1]) == Json::diff(Json::parse(pair[0]), Json::parse(pair[1])).dump());
    // Added keys go last (JSON objects have no order), so compare unordered.
    auto unordered = [](const std::string& text) { return nlohmann::json::parse(text); };
    REQUIRE(unordered(applied(pair[0], diffed(pair[0], pair[1]))) == unordered(pair[1]));
  }
}

TEST_CASE("applyPatch(from, createPatch(from, to)) gives to", "[document]") {
  const char* pairs[][2] = {
      {R"({"a":1,"b":{"c":[1,2,{"d":3}]}})", R"({"a":2,"b":{"c":[1,{"d":4}],"e":null},"f":"x"})"},
      {R"([1,2,3,4,5])", R"([5])"},
      {R"([])", R"([[],{},"",0,false,null])"},
      {R"({"cart":{"items":[{"id":"mug","n":1}]}})", R"({"cart":{"items":[{"id":"mug","n":2},{"id":"cap","n":1}]}})"},
      {R"({"__proto__":{"x":1},"constructor":2})", R"({"__proto__":{"x":2},"toString":3})"},
      {R"({"a/b":1,"~":2})", R"({"a/b":3,"~":[4]})"},
      {"null", R"({"a":1})"},
  };
  for (auto& pair : pairs) {
    INFO(pair[0] << " -> " << pair[1]);
    REQUIRE(applied(pair[0], diffed(pair[0], pair[1])) == pair[1]);
  }
}

TEST_CASE("applyPatch: the examples of RFC 6902 appendix A", "[document]") {
  REQUIRE(applied(R"({"foo":"bar"})", R"([{"op":"add","path":"/baz","value":"qux"}])") ==
          R"({"foo":"bar","baz":"qux"})");
  REQUIRE(applied(R"({"foo":["bar","baz"]})", R"([{"op":"add","path":"/foo/1","value":"qux"}])") ==
          R"({"foo":["bar","qux","baz"]})");
  REQUIRE(applied(R"({"baz":"qux","foo":"bar"})", R"([{"op":"remove","path":"/baz"}])") == R"({"foo":"bar"})");
  REQUIRE(applied(R"({"foo":["bar","qux","baz"]})", R"([{"op":"remove","path":"/foo/1"}])") ==
          R"({"foo":["bar","baz"]})");
  REQUIRE(applied(R"({"baz":"qux","foo":"bar"})", R"([{"op":"replace","path":"/baz","value":"boo"}])") ==
          R"({"baz":"boo","foo":"bar"})");
  REQUIRE(applied(R"({"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}})",
                  R"([{"op":"move","from":"/foo/waldo","path":"/qux/thud"}])") ==
          R"({"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}})");
  REQUIRE(applied(R"({"foo":["all","grass","cows","eat"]})", R"([{"op":"move","from":"/foo/1","path":"/foo/3"}])") ==
          R"({"foo":["all","cows","eat","grass"]})");
  REQUIRE(applied(R"({"baz":"qux","foo":["a",2,"c"]})",
                  R"([{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}])") ==
          R"({"baz":"qux","foo":["a",2,"c"]})");
  refused(R"({"baz":"qux"})", R"([{"op":"test","path":"/baz","value":"bar"}])", PatchOutcome::TestFailed, 0,
          "not the one tested");
  REQUIRE(applied(R"({"foo":"bar"})", R"([{"op":"add","path":"/child","value":{"grandchild":{}}}])") ==
          R"({"foo":"bar","child":{"grandchild":{}}})");
  REQUIRE(applied(R"({"foo":"bar"})", R"([{"op":"add","path":"/baz","value":"qux","xyz":123}])") ==
          R"({"foo":"bar","baz":"qux"})");
  refused(R"({"foo":"bar"})", R"([{"op":"add","path":"/baz/bat","value":"qux"}])", PatchOutcome::BadPatch, 0,
          "the parent of \"/baz/bat\" does not exist");
  REQUIRE(applied(R"({"/":9,"~1":10})", R"([{"op":"test","path":"/~01","value":10}])") == R"({"/":9,"~1":10})");
  refused(R"({"/":9,"~1":10})", R"([{"op":"test","path":"/~01","value":"10"}])", PatchOutcome::TestFailed, 0, "");
  REQUIRE(applied(R"({"foo":["bar"]})", R"([{"op":"add","path":"/foo/-","value":["abc","def"]}])") ==
          R"({"foo":["bar",["abc","def"]]})");
}

TEST_CASE("applyPatch: copy, the whole document, and where keys go", "[document]") {
  REQUIRE(applied(R"({"a":{"b":[1]}})",
                  R"([{"op":"copy","from":"/a","path":"/c"},{"op":"add","path":"/c/b/-","value":2}])") ==
          R"({"a":{"b":[1]},"c":{"b":[1,2]}})");
  REQUIRE(applied(R"({"a":1})", R"([{"op":"replace","path":"","value":[1]}])") == "[1]");
  REQUIRE(applied(R"({"a":1})", R"([{"op":"add","path":"","value":null}])") == "null");
  // A replaced key keeps its place; a re-added one goes last; move to the same place does nothing.
  REQUIRE(applied(R"({"a":1,"b":2,"c":3})", R"([{"op":"replace","path":"/a","value":0}])") == R"({"a":0,"b":2,"c":3})");
  REQUIRE(applied(R"({"a":1,"b":2})", R"([{"op":"remove","path":"/a"},{"op":"add","path":"/a","value":1}])") ==
          R"({"b":2,"a":1})");
  REQUIRE(applied(R"({"a":1})", R"([{"op":"move","from":"/a","path":"/a"}])") == R"({"a":1})");
  // Keys named like Object.prototype members are plain keys.
  REQUIRE(applied(R"({})", R"([{"op":"add","path":"/__proto__","value":{"polluted":1}}])") ==
          R"({"__proto__":{"polluted":1}})");
  refused(R"({})", R"([{"op":"add","path":"/__proto__/polluted","value":1}])", PatchOutcome::BadPatch, 0,
          "does not exist");
}

TEST_CASE("test compares as RFC 6902 says: key order ignored, numbers by value", "[document]") {
  REQUIRE(applyPatch(R"({"o":{"a":1,"b":[1,{"c":2,"d":3}]}})",
                     R"([{"op":"test","path":"/o","value":{"b":[1,{"d":3,"c":2}],"a":1}}])")
              .status == PatchOutcome::Ok);
  REQUIRE(applyPatch(R"({"n":1})", R"([{"op":"test","path":"/n","value":1.0}])").status == PatchOutcome::Ok);
  REQUIRE(applyPatch(R"({"o":{"a":1}})", R"([{"op":"test","path":"/o","value":{"a":1,"b":2}}])").status ==
          PatchOutcome::TestFailed);
  REQUIRE(applyPatch(R"([1,2])", R"([{"op":"test","path":"","value":[2,1]}])").status == PatchOutcome::TestFailed);
  REQUIRE(applyPatch("null", R"([{"op":"test","path":"","value":false}])").status == PatchOutcome::TestFailed);
}

TEST_CASE("bad patches: a reason and the index of the operation, never an abort", "[document]") {
  const std::string doc = R"({"a":{"b":1},"list":[1,2,3]})";
  const std::string ok = R"({"op":"test","path":"/a/b","value":1},)";
  refused(doc, "[", PatchOutcome::BadPatch, -1, "not JSON");
  refused(doc, R"({"op":"add"})", PatchOutcome::BadPatch, -1, "array of operations");
  refused(doc, "[" + ok + "5]", PatchOutcome::BadPatch, 1, "must be an object");
  refused(doc, "[" + ok + R"({"path":"/a"}])", PatchOutcome::BadPatch, 1, "no \"op\"");
  refused(doc, "[" + ok + R"({"op":7,"path":"/a"}])", PatchOutcome::BadPatch, 1, "no \"op\"");
  refused(doc, "[" + ok + R"({"op":"frob","path":"/a"}])", PatchOutcome::BadPatch, 1, "unknown op \"frob\"");
  refused(doc, "[" + ok + R"({"op":"remove"}])", PatchOutcome::BadPatch, 1, "no \"path\"");
  refused(doc, "[" + ok + R"({"op":"remove","path":"a"}])", PatchOutcome::BadPatch, 1, "not a JSON Pointer");
  refused(doc, "[" + ok + R"({"op":"remove","path":"/a~2"}])", PatchOutcome::BadPatch, 1, "not a JSON Pointer");
  refused(doc, "[" + ok + R"({"op":"remove","path":"/a~"}])", PatchOutcome::BadPatch, 1, "not a JSON Pointer");
  refused(doc, "[" + ok + R"({"op":"add","path":"/x"}])", PatchOutcome::BadPatch, 1, "needs a \"value\"");
  refused(doc, "[" + ok + R"({"op":"move","path":"/x"}])", PatchOutcome::BadPatch, 1, "needs a \"from\"");
  refused(doc, "[" + ok + R"({"op":"copy","from":"/nope","path":"/x"}])", PatchOutcome::BadPatch, 1,
          "\"/nope\" does not exist");
  refused(doc, "[" + ok + R"({"op":"move","from":"/a","path":"/a/b/c"}])", PatchOutcome::BadPatch, 1,
          "moved into itself");
  refused(doc, "[" + ok + R"({"op":"remove","path":""}])", PatchOutcome::BadPatch, 1, "whole document");
  refused(doc, "[" + ok + R"({"op":"replace","path":"/zz","value":1}])", PatchOutcome::BadPatch, 1, "does not exist");
  refused(doc, "[" + ok + R"({"op":"remove","path":"/a/b/c"}])", PatchOutcome::BadPatch, 1, "does not exist");
  // Array indexes: no leading zero, no sign, in range; "-" only to add.
  for (const char* path : {"/list/01", "/list/-1", "/list/3", "/list/-", "/list/x", "/list/9999999999"}) {
    refused(doc, "[" + ok + R"({"op":"replace","path":")" + path + R"(","value":0}])", PatchOutcome::BadPatch, 1,
            "does not exist");
  }
  refused(doc, "[" + ok + R"({"op":"add","path":"/list/4","value":0}])", PatchOutcome::BadPatch, 1,
          "not an index of the array (0 to 3, or -)");
  refused(doc, "[" + ok + R"({"op":"add","path":"/a/b/c","value":0}])", PatchOutcome::BadPatch, 1,
          "not an object or array");
  // A failure after earlier operations applied reports the failing one.
  refused(doc, R"([{"op":"remove","path":"/a"},{"op":"test","path":"/a","value":1}])", PatchOutcome::BadPatch, 1,
          "does not exist");
  refused(doc, R"([{"op":"add","path":"/list/-","value":4},{"op":"test","path":"/list/3","value":5}])",
          PatchOutcome::TestFailed, 1, "/list/3");
  REQUIRE(applyPatch("{", "[]").status == PatchOutcome::BadDocument);
  // And the next call works as if nothing happened.
  REQUIRE(applied(doc, R"([{"op":"add","path":"/list/-","value":4}])") == R"({"a":{"b":1},"list":[1,2,3,4]})");
}

TEST_CASE("deep documents patch without trouble", "[document]") {
  std::string deep = std::string(1000, '[') + "0" + std::string(1000, ']');
  std::string path;
  for (int i = 0; i < 1000; ++i) path += "/0";
  std::string patch = R"([{"op":"replace","path":")" + path + R"(","value":1}])";
  std::string expected = std::string(1000, '[') + "1" + std::string(1000, ']');
  REQUIRE(applied(deep, patch) == expected);
  REQUIRE(diffed(deep, expected) == patch);
}
