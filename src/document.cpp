#include "document.hpp"
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace atollrt {

namespace {

// Ordered: objects keep the key order they were written in, as JS objects
// do, so a patched document reads back in the order the store had.
using Json = nlohmann::ordered_json;
using Tokens = std::vector<std::string>;

// Parses without exceptions: a discarded value means the text was not JSON.
bool parse(std::string_view text, Json& out) {
  out = Json::parse(text.begin(), text.end(), nullptr, false);
  return !out.is_discarded();
}

// dump() would abort on a string that is not UTF-8 rather than throw; the
// host sends only checked text, and `replace` makes sure it cannot.
std::string print(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

PatchOutcome failed(int status, int op, std::string why) {
  PatchOutcome out;
  out.status = status;
  out.op = op;
  out.text = std::move(why);
  return out;
}

PatchOutcome succeeded(const Json& value) {
  PatchOutcome out;
  out.text = print(value);
  return out;
}

std::string quoted(const std::string& pointer) { return print(Json(pointer)); }

// A JSON Pointer (RFC 6901) as its unescaped tokens; false if malformed.
// nlohmann's json_pointer throws on a malformed one, so it is not used.
bool splitPointer(const std::string& pointer, Tokens& tokens) {
  tokens.clear();
  if (pointer.empty()) return true; // the whole document
  if (pointer[0] != '/') return false;
  std::string token;
  for (size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
    } else if (pointer[i] == '~') {
      char next = i + 1 < pointer.size() ? pointer[i + 1] : '\0';
      if (next != '0' && next != '1') return false;
      token += next == '0' ? '~' : '/';
      ++i;
    } else {
      token += pointer[i];
    }
  }
  return true;
}

// "0" or digits with no leading zero. Nine digits at most: no array in a
// browser's memory is longer, and the number cannot overflow.
bool arrayIndex(const std::string& token, size_t& index) {
  if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0')) return false;
  index = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<size_t>(c - '0');
  }
  return true;
}

Json* child(Json& parent, const std::string& token) {
  if (parent.is_object()) {
    auto it = parent.find(token);
    return it == parent.end() ? nullptr : &it.value();
  }
  size_t index;
  if (parent.is_array() && arrayIndex(token, index) && index < parent.size()) return &parent[index];
  return nullptr;
}

// The value at the first `count` tokens, or null where there is none.
Json* locate(Json& root, const Tokens& tokens, size_t count) {
  Json* node = &root;
  for (size_t i = 0; i < count && node; ++i) node = child(*node, tokens[i]);
  return node;
}

// Finds a key of an object. ordered_json's own find() is a linear scan,
// which makes comparing two wide objects quadratic (diffing two 2000-key
// maps took 13 ms natively, 26 ms in wasm), so wide objects get a hash index.
class Keys {
public:
  explicit Keys(const Json& object) : object_(object) {
    if (object.size() <= 16) return;
    index_.reserve(object.size());
    for (auto it = object.begin(); it != object.end(); ++it) index_.emplace(it.key(), &it.value());
  }
  const Json* find(const std::string& key) const {
    if (index_.empty()) {
      auto it = object_.find(key);
      return it == object_.end() ? nullptr : &*it;
    }
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : it->second;
  }

private:
  const Json& object_;
  std::unordered_map<std::string_view, const Json*> index_;
};

// RFC 6902 equality: objects are equal whatever their key order (ordered_json's
// operator== compares order too); numbers compare by value.
bool same(const Json& a, const Json& b) {
  if (a.is_object() && b.is_object()) {
    if (a.size() != b.size()) return false;
    Keys keys(b);
    for (auto it = a.begin(); it != a.end(); ++it) {
      const Json* other = keys.find(it.key());
      if (!other || !same(it.value(), *other)) return false;
    }
    return true;
  }
  if (a.is_array() && b.is_array()) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (!same(a[i], b[i])) return false;
    return true;
  }
  return a == b;
}

std::string escaped(const std::string& key) {
  std::string out;
  for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}

Json operation(const char* op, const std::string& path) { return Json{{"op", op}, {"path", path}}; }

Json operation(const char* op, const std::string& path, const Json& value) {
  return Json{{"op", op}, {"path", path}, {"value", value}};
}

// The operations nlohmann's json::diff gives, in the same order, without its
// quadratic key lookups: same keys and indexes are compared in place, keys
// only in `from` removed, keys only in `to` added in `to`'s order, extra array
// items removed from the end or added with "-".
void diff(const Json& from, const Json& to, const std::string& path, Json& ops) {
  if (from.is_object() && to.is_object()) {
    Keys toKeys(to);
    for (auto it = from.begin(); it != from.end(); ++it) {
      const Json* target = toKeys.find(it.key());
      if (target) diff(it.value(), *target, path + '/' + escaped(it.key()), ops);
      else ops.push_back(operation("remove", path + '/' + escaped(it.key())));
    }
    Keys fromKeys(from);
    for (auto it = to.begin(); it != to.end(); ++it) {
      if (!fromKeys.find(it.key())) ops.push_back(operation("add", path + '/' + escaped(it.key()), it.value()));
    }
  } else if (from.is_array() && to.is_array()) {
    size_t common = std::min(from.size(), to.size());
    for (size_t i = 0; i < common; ++i) diff(from[i], to[i], path + '/' + std::to_string(i), ops);
    for (size_t i = from.size(); i > common; --i)
      ops.push_back(operation("remove", path + '/' + std::to_string(i - 1)));
    for (size_t i = common; i < to.size(); ++i) ops.push_back(operation("add", path + "/-", to[i]));
  } else if (!same(from, to)) {
    ops.push_back(operation("replace", path, to));
  }
}

// Each step returns "" or why it cannot apply; `where` is the pointer text.
std::string add(Json& root, const Tokens& path, const std::string& where, Json value) {
  if (path.empty()) {
    root = std::move(value);
    return "";
  }
  Json* parent = locate(root, path, path.size() - 1);
  if (!parent) return "the parent of " + quoted(where) + " does not exist";
  const std::string& last = path.back();
  if (parent->is_object()) {
    (*parent)[last] = std::move(value); // an existing key keeps its place
    return "";
  }
  if (!parent->is_array()) return "the parent of " + quoted(where) + " is not an object or array";
  size_t index = parent->size();
  if (last != "-" && !(arrayIndex(last, index) && index <= parent->size()))
    return quoted(where) + " is not an index of the array (0 to " + std::to_string(parent->size()) + ", or -)";
  parent->insert(parent->begin() + static_cast<std::ptrdiff_t>(index), std::move(value));
  return "";
}

// Takes the value out into `removed`.
std::string remove(Json& root, const Tokens& path, const std::string& where, Json& removed) {
  if (path.empty()) return "the whole document cannot be removed";
  Json* parent = locate(root, path, path.size() - 1);
  Json* target = parent ? child(*parent, path.back()) : nullptr;
  if (!target) return quoted(where) + " does not exist";
  removed = std::move(*target);
  if (parent->is_object()) {
    parent->erase(path.back());
  } else {
    size_t index = 0;
    arrayIndex(path.back(), index); // child() found it, so it is an index
    parent->erase(index);
  }
  return "";
}

// A string member of an operation, or null.
const std::string* member(const Json& op, const char* name) {
  auto it = op.find(name);
  return it != op.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

// Applies one operation to `doc`; the outcome carries the failure, if any.
PatchOutcome applyOne(Json& doc, const Json& op, int index) {
  auto bad = [index](std::string why) { return failed(PatchOutcome::BadPatch, index, std::move(why)); };
  if (!op.is_object()) return bad("an operation must be an object");
  const std::string* name = member(op, "op");
  if (!name) return bad("it has no \"op\" string");
  const std::string* pathText = member(op, "path");
  if (!pathText) return bad("it has no \"path\" string");
  Tokens path;
  if (!splitPointer(*pathText, path)) return bad(quoted(*pathText) + " is not a JSON Pointer");

  auto valueAt = op.find("value");
  const Json* value = valueAt == op.end() ? nullptr : &*valueAt; // null is a value too
  bool takesValue = *name == "add" || *name == "replace" || *name == "test";
  if (takesValue && !value) return bad("\"" + *name + "\" needs a \"value\"");

  std::string why;
  if (*name == "add") {
    why = add(doc, path, *pathText, *value);
  } else if (*name == "remove") {
    Json removed;
    why = remove(doc, path, *pathText, removed);
  } else if (*name == "replace") {
    Json* target = locate(doc, path, path.size());
    if (!target) return bad(quoted(*pathText) + " does not exist");
    *target = *value;
  } else if (*name == "test") {
    Json* target = locate(doc, path, path.size());
    if (!target) return bad(quoted(*pathText) + " does not exist");
    if (!same(*target, *value))
      return failed(PatchOutcome::TestFailed, index, "the value at " + quoted(*pathText) + " is not the one tested");
  } else if (*name == "move" || *name == "copy") {
    const std::string* fromText = member(op, "from");
    if (!fromText) return bad("\"" + *name + "\" needs a \"from\" string");
    Tokens from;
    if (!splitPointer(*fromText, from)) return bad(quoted(*fromText) + " is not a JSON Pointer");
    Json* source = locate(doc, from, from.size());
    if (!source) return bad(quoted(*fromText) + " does not exist");
    if (*name == "copy") {
      why = add(doc, path, *pathText, *source);
    } else if (from != path) {
      bool intoItself = path.size() > from.size() && std::equal(from.begin(), from.end(), path.begin());
      if (intoItself) return bad("a value cannot be moved into itself");
      Json moved;
      why = remove(doc, from, *fromText, moved);
      if (why.empty()) why = add(doc, path, *pathText, std::move(moved));
    }
  } else {
    return bad("unknown op " + quoted(*name));
  }
  return why.empty() ? PatchOutcome{} : bad(why);
}

} // namespace

PatchOutcome createPatch(std::string_view from, std::string_view to) {
  Json source, target;
  if (!parse(from, source)) return failed(PatchOutcome::BadDocument, -1, "the first document is not JSON");
  if (!parse(to, target)) return failed(PatchOutcome::BadDocument, -1, "the second document is not JSON");
  Json ops = Json::array();
  diff(source, target, "", ops);
  return succeeded(ops);
}

PatchOutcome applyPatch(std::string_view document, std::string_view patch) {
  Json doc, ops;
  if (!parse(document, doc)) return failed(PatchOutcome::BadDocument, -1, "the document is not JSON");
  if (!parse(patch, ops)) return failed(PatchOutcome::BadPatch, -1, "the patch is not JSON");
  if (!ops.is_array()) return failed(PatchOutcome::BadPatch, -1, "a patch must be an array of operations");
  // Operations apply to `doc`, a copy only this call sees: the first failure
  // returns and the caller's document is never touched.
  for (size_t i = 0; i < ops.size(); ++i) {
    PatchOutcome step = applyOne(doc, ops[i], static_cast<int>(i));
    if (step.status != PatchOutcome::Ok) return step;
  }
  return succeeded(doc);
}

} // namespace atollrt
