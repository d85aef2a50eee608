import { py, type EquivalenceProgram } from "./equivalence-helpers";

/** Real-world idioms (issue 10 item 2): the ways a program ends: exit paths, atexit, threads, finalisers. */
export const ENDING_IDIOMS: EquivalenceProgram[] = [
  // --- ending ---
  {
    name: "main() behind __name__ guard",
    code: py`
def main():
    n = int(input())
    print(n * (n + 1) // 2)

if __name__ == "__main__":
    main()
`,
    inputs: ["10\n"],
  },
  {
    name: "exit() inside try/finally",
    code: py`
try:
    print("in try")
    exit(4)
finally:
    print("finally runs")
`,
    inputs: [""],
  },
  {
    name: "sys.exit in except, finally prints",
    code: py`
import sys
try:
    1 / 0
except ZeroDivisionError:
    sys.exit("division failed")
finally:
    print("cleanup")
`,
    inputs: [""],
  },
  {
    name: "quit()",
    code: py`
print("q")
quit()
`,
    inputs: [""],
  },
  {
    name: "SystemExit(None), SystemExit()",
    code: py`
import sys
print(input())
raise SystemExit(None) if input() == "none" else SystemExit()
`,
    inputs: ["a\nnone\n", "b\nother\n"],
  },
  {
    name: "sys.exit with big, negative and odd codes",
    code: py`
import sys
codes = {"big": 2**70, "neg": -5, "list": [1, 2], "float": 1.5, "false": False, "str0": "0"}
sys.exit(codes[input()])
`,
    inputs: ["big\n", "neg\n", "list\n", "float\n", "false\n", "str0\n"],
  },
  {
    name: "SystemExit message with stderr replaced",
    code: py`
import io, sys
sys.stderr = io.StringIO()
sys.exit("hidden message")
`,
    inputs: [""],
  },
  {
    name: "SystemExit message with stderr None",
    code: py`
import sys
sys.stderr = None
sys.exit("to fd 2")
`,
    inputs: [""],
  },
  {
    name: "sys.exit from a thread",
    code: py`
import sys, threading
def worker():
    print("worker")
    sys.exit(5)
t = threading.Thread(target=worker)
t.start()
t.join()
print("main continues")
`,
    inputs: [""],
  },
  {
    name: "KeyboardInterrupt subclass",
    code: py`
class Stop(KeyboardInterrupt):
    pass
raise Stop("custom")
`,
    inputs: [""],
  },
  {
    name: "KeyboardInterrupt caught",
    code: py`
try:
    raise KeyboardInterrupt
except KeyboardInterrupt:
    print("caught")
`,
    inputs: [""],
  },
  {
    name: "KeyboardInterrupt inside main() after output",
    code: py`
def main():
    print("working")
    raise KeyboardInterrupt("stop")
main()
`,
    inputs: [""],
  },
  {
    name: "os._exit with a code",
    code: py`
import os, sys
sys.stdout.write("unflushed")
sys.stderr.write("stderr is line buffered
")
os._exit(7)
`,
    inputs: [""],
  },
  // --- atexit, threads, finalisers ---
  {
    name: "atexit order and arguments",
    code: py`
import atexit
atexit.register(print, "registered first, runs last")
atexit.register(print, "second", "args", sep="-")
@atexit.register
def third():
    print("third runs first")
print("main")
`,
    inputs: [""],
  },
  {
    name: "atexit handler raises",
    code: py`
import atexit
def bad():
    raise ValueError("in atexit")
atexit.register(bad)
atexit.register(lambda: print("still runs"))
print("main")
`,
    inputs: [""],
  },
  {
    name: "atexit handler calls sys.exit",
    code: py`
import atexit, sys
atexit.register(lambda: sys.exit(3))
print("main")
`,
    inputs: [""],
  },
  {
    name: "atexit after an uncaught exception",
    code: py`
import atexit
atexit.register(lambda: print("atexit after error"))
raise RuntimeError("boom")
`,
    inputs: [""],
  },
  {
    name: "atexit unregister",
    code: py`
import atexit
f = lambda: print("should not run")
atexit.register(f)
atexit.unregister(f)
print("ok")
`,
    inputs: [""],
  },
  {
    name: "threads joined at exit, output order",
    code: py`
import threading
turns = [threading.Event() for _ in range(4)]
def work(i):
    turns[i].wait()
    print("thread", i, flush=True)
    turns[i + 1].set()
for i in range(3):
    threading.Thread(target=work, args=(i,)).start()
print("main exits first", flush=True)
turns[0].set()
`,
    inputs: [""],
  },
  {
    name: "daemon thread does not block exit",
    code: py`
import threading, time
def forever():
    while True:
        time.sleep(1)
threading.Thread(target=forever, daemon=True).start()
print("bye")
`,
    inputs: [""],
  },
  {
    name: "ThreadPoolExecutor",
    code: py`
from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(4) as ex:
    print(sum(ex.map(lambda x: x * x, range(100))))
ex2 = ThreadPoolExecutor(2)
ex2.submit(print, "submitted, never shut down")
`,
    inputs: [""],
  },
  {
    name: "threading.Timer",
    code: py`
import threading
print("scheduled")
threading.Timer(0.02, lambda: print("timer fired")).start()
`,
    inputs: [""],
  },
  {
    name: "exception in a thread with a custom excepthook",
    code: py`
import threading
threading.excepthook = lambda args: print("thread failed:", args.exc_type.__name__)
t = threading.Thread(target=lambda: 1 / 0)
t.start()
t.join()
`,
    inputs: [""],
  },
  {
    name: "__del__ using a module global at teardown",
    code: py`
import os
class Closer:
    def __del__(self):
        print("closing", os.sep)
c = Closer()
`,
    inputs: [""],
  },
  {
    name: "__del__ of a local in an uncaught exception's frame",
    code: py`
class Res:
    def __del__(self):
        print("res freed")
def main():
    r = Res()
    raise ValueError("fail")
main()
`,
    inputs: [""],
  },
  {
    name: "__del__ of a local when sys.exit leaves main()",
    code: py`
import atexit, sys
atexit.register(lambda: print("atexit"))
class Res:
    def __del__(self):
        print("res freed")
def main():
    r = Res()
    sys.exit(0)
main()
`,
    inputs: [""],
  },
  {
    name: "__del__ order of several globals",
    code: py`
class N:
    def __init__(self, k):
        self.k = k
    def __del__(self):
        print("del", self.k)
a, b, _c = N("a"), N("b"), N("_c")
`,
    inputs: [""],
  },
  {
    name: "__del__ raising at teardown",
    code: py`
class Bad:
    def __repr__(self):
        return "<Bad>"
    def __del__(self):
        raise KeyError("in del")
x = Bad()
print("end")
`,
    inputs: [""],
  },
  {
    name: "import inside __del__ at teardown",
    code: py`
class A:
    def __repr__(self):
        return "<A>"
    def __del__(self):
        import sys
        print("del sees", len(sys.modules))
a = A()
def f():
    pass
`,
    inputs: [""],
  },
  {
    name: "weakref.finalize",
    code: py`
import weakref
class Obj:
    pass
o = Obj()
weakref.finalize(o, print, "finalized")
print("main")
`,
    inputs: [""],
  },
  {
    name: "generator finally at teardown",
    code: py`
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")
g = gen()
print(next(g))
`,
    inputs: [""],
  },
  {
    name: "gc.disable() idiom",
    code: py`
import gc
gc.disable()
class Cyc:
    def __del__(self):
        print("cycle collected")
c = Cyc()
c.self = c
del c
print("main done")
`,
    inputs: [""],
  },
  {
    name: "contextlib.redirect_stdout",
    code: py`
import contextlib, io
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print(buf.getvalue().upper(), end="")
`,
    inputs: [""],
  },
];
