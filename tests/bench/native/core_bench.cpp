// Native timing of the core's hot operations, without the JS boundary:
// shows what the C++ side costs per operation. Reports, never asserts.
#include "runtime.hpp"
#include <chrono>
#include <cstdio>

using namespace atollrt;
using Clock = std::chrono::steady_clock;

template <typename F> static void report(const char* name, int n, F&& body) {
  auto start = Clock::now();
  body(n);
  double ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count() / n;
  std::printf("| %-40s | %10.1f ns/op |\n", name, ns);
}

int main() {
  Runtime rt;
  StoreId atom = rt.createStore(Kind::Atom);
  rt.addListener(atom, 1);
  report("notify + drain, one listener", 1000000, [&](int n) {
    for (int i = 0; i < n; ++i) {
      rt.notify(atom, i);
      rt.view().head = rt.view().tail;
    }
  });
  StoreId map = rt.createStore(Kind::Map);
  for (uint32_t k = 0; k < 2000; ++k) rt.mapPut(map, k);
  report("mapPut into a 2000-key map", 1000000, [&](int n) {
    for (int i = 0; i < n; ++i) rt.mapPut(map, static_cast<uint32_t>(i % 2000));
  });
  report("listen + unlisten", 1000000, [&](int n) {
    for (int i = 0; i < n; ++i) rt.removeListener(rt.addListener(atom, 2));
  });
  return 0;
}
