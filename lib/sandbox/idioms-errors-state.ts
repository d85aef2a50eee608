import { py, type EquivalenceProgram } from "./equivalence-helpers";

/** Real-world idioms (issue 10 item 2): errors and hooks, recursion, interpreter state, the compiler's limits. */
export const ERROR_STATE_IDIOMS: EquivalenceProgram[] = [
  // --- errors and hooks ---
  {
    name: "excepthook raising",
    code: py`
import sys
def hook(t, v, tb):
    raise RuntimeError("hook broke")
sys.excepthook = hook
raise ValueError("original")
`,
    inputs: [""],
  },
  {
    name: "excepthook calling sys.exit",
    code: py`
import sys
sys.excepthook = lambda t, v, tb: sys.exit(9)
raise ValueError("x")
`,
    inputs: [""],
  },
  {
    name: "sys.excepthook deleted",
    code: py`
import sys
del sys.excepthook
raise ValueError("no hook")
`,
    inputs: [""],
  },
  {
    name: "sys.excepthook = None",
    code: py`
import sys
sys.excepthook = None
raise ValueError("none hook")
`,
    inputs: [""],
  },
  {
    name: "sys.stderr = None, then an error",
    code: py`
import sys
sys.stderr = None
raise ValueError("silent")
`,
    inputs: [""],
  },
  {
    name: "custom unraisablehook",
    code: py`
import sys
sys.unraisablehook = lambda u: print("unraisable:", type(u.exc_value).__name__)
class D:
    def __del__(self):
        raise OSError("x")
D()
print("after")
`,
    inputs: [""],
  },
  {
    name: "exception whose __str__ raises",
    code: py`
class Weird(Exception):
    def __str__(self):
        raise RuntimeError("no str")
raise Weird()
`,
    inputs: [""],
  },
  {
    name: "ExceptionGroup",
    code: py`
raise ExceptionGroup("many", [ValueError(1), TypeError("t")])
`,
    inputs: [""],
  },
  {
    name: "RecursionError traceback",
    code: py`
def f(n):
    return f(n + 1)
f(0)
`,
    inputs: [""],
  },
  {
    name: "assert failure with message",
    code: py`
n = int(input())
assert n > 0, f"n must be positive, got {n}"
print(n)
`,
    inputs: ["-1\n", "2\n"],
  },
  {
    name: "MemoryError caught",
    code: py`
try:
    x = [0] * (10**12)
except MemoryError:
    print("no memory")
`,
    inputs: [""],
  },
  {
    name: "import of a missing package",
    code: py`
import numpy as np
print(np.zeros(3))
`,
    inputs: [""],
  },
  {
    name: "error inside a list comprehension and lambda",
    code: py`
f = lambda x: 1 / x
print([f(x) for x in [1, 0]])
`,
    inputs: [""],
  },
  {
    name: "warnings with stacklevel inside functions",
    code: py`
import warnings
def deprecated():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)
    warnings.warn("user warning", stacklevel=2)
def caller():
    deprecated()
caller()
print("ok")
`,
    inputs: [""],
  },
  // --- recursion, big stacks ---
  {
    name: "setrecursionlimit + lru_cache",
    code: py`
import sys
from functools import lru_cache
sys.setrecursionlimit(10**5)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(3000) % 1000000007)
`,
    inputs: [""],
  },
  {
    name: "stack_size + recursionlimit + worker thread, join",
    code: py`
import sys, threading
input = sys.stdin.readline
def main():
    n = int(input())
    adj = [[] for _ in range(n)]
    for i in range(1, n):
        adj[i - 1].append(i)
    seen = [False] * n
    def dfs(u):
        seen[u] = True
        for v in adj[u]:
            if not seen[v]:
                dfs(v)
    dfs(0)
    print(sum(seen))
sys.setrecursionlimit(1 << 30)
threading.stack_size(1 << 27)
t = threading.Thread(target=main)
t.start()
t.join()
`,
    inputs: ["50000\n"],
  },
  {
    name: "recursion error in a big-stack thread",
    code: py`
import sys, threading
sys.setrecursionlimit(3000)
threading.stack_size(1 << 26)
def f(n):
    return f(n + 1)
def main():
    try:
        f(0)
    except RecursionError:
        print("recursion error in thread")
threading.Thread(target=main).start()
`,
    inputs: [""],
  },
  // --- interpreter state a program may look at ---
  {
    name: "module globals at start",
    code: py`
print(sorted(k for k in globals()))
print(__doc__, __package__, __spec__, __name__)
`,
    inputs: [""],
  },
  {
    name: "builtins exit/quit exist, sys.flags",
    code: py`
import sys
print(type(exit).__name__, type(quit).__name__, sys.flags.optimize, sys.flags.isolated, sys.flags.no_site)
`,
    inputs: [""],
  },
  {
    name: "gc state",
    code: py`
import gc
print(gc.isenabled(), gc.get_threshold(), gc.get_count()[0] >= 0)
`,
    inputs: [""],
  },
  {
    name: "signal handler for SIGINT, then KeyboardInterrupt",
    code: py`
import signal
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
signal.signal(signal.SIGINT, lambda *a: print("handler"))
raise KeyboardInterrupt
`,
    inputs: [""],
  },
  // --- the compiler's own limits (issue 12 item 2a): the same thresholds as a file compiled at depth 0 ---
  ...[2997, 2998, 2999, 3000].map((n) => ({ name: `${n} nested unary minus`, code: `x = ${"-".repeat(n)}1\nprint(x)\n`, inputs: [""] })),
  { name: "3 KB of additions", code: `print(${"1+".repeat(1500)}1)\n`, inputs: [""] },
  { name: "too many nested parentheses", code: `print(${"(".repeat(250)}1${")".repeat(250)})\n`, inputs: [""] },
  { name: "deeply nested lists", code: `x = ${"[".repeat(150)}${"]".repeat(150)}\nprint(len(x))\n`, inputs: [""] },
  {
    name: "big integers",
    code: py`
print(len(str(2 ** 20000)))
print(int("9" * 5000) % 97)
print(2 ** 20000)
`,
    inputs: [""],
  },
];
