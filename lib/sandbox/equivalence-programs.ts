import { readFileSync } from "node:fs";

/**
 * Small programs whose observable behaviour (verdict, exit status, stdout,
 * stderr) must be identical under the fast engine (fork per test) and the
 * plain one (`python3 solution.py` per test). Each covers a way a forked child
 * could differ from a fresh interpreter.
 */
export interface EquivalenceProgram {
  name: string;
  code: string;
  inputs: string[];
  /** Expected stdout for every input (the verdict is then OK or WRONG_ANSWER alike). */
  output?: string;
}

/** A longer program kept as a file beside this one (equivalence-corpus/). */
const corpus = (file: string) => readFileSync(new URL(`./equivalence-corpus/${file}`, import.meta.url), "utf8");

export const EQUIVALENCE_PROGRAMS: EquivalenceProgram[] = [
  { name: "input()", code: "a, b = map(int, input().split())\nprint(a + b)\n", inputs: ["1 2\n", "5 7", "x y\n", ""] },
  { name: "sys.stdin.read", code: "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n", inputs: ["1 2 3\n4\n", ""] },
  { name: "readline with \\r\\n kept", code: "import sys\nprint(repr(sys.stdin.readline()))\n", inputs: ["a\r\nb\n"] },
  {
    name: "fstat-sized read (PyRival idiom)",
    code: "import os, io\ninput = io.BytesIO(os.read(0, os.fstat(0).st_size)).readline\nprint(int(input()) * 2)\n",
    inputs: ["21\n"],
  },
  {
    name: "stdin attributes",
    code: "import sys\nprint(sys.stdin.encoding, sys.stdin.errors, sys.stdout.errors, sys.stderr.errors, sys.stdin.seekable(), sys.stdout.line_buffering, sys.stderr.line_buffering)\n",
    inputs: [""],
  },
  {
    name: "__name__ and __main__",
    code: "import __main__, sys\ndef main():\n    print(__name__, __main__.__dict__ is globals(), sys.modules['__main__'].__file__)\nif __name__ == '__main__':\n    main()\n",
    inputs: [""],
  },
  {
    name: "argv, path, cwd",
    code: "import sys, os\nprint(sys.argv, sys.path[0], os.getcwd(), sorted(os.listdir('.')), __file__)\n",
    inputs: [""],
  },
  { name: "environment", code: "import os\nprint(sorted(os.environ.items()))\n", inputs: [""] },
  { name: "print without newline", code: "print('no newline', end='')\n", inputs: [""] },
  { name: "sys.stdout.write only", code: "import sys\nsys.stdout.write('5')\n", inputs: [""], output: "5" },
  { name: "exit()", code: "print('a')\nexit()\nprint('b')\n", inputs: [""] },
  { name: "exit(3)", code: "print('a')\nexit(3)\n", inputs: [""] },
  { name: "quit(0)", code: "quit(0)\n", inputs: [""] },
  { name: "sys.exit('message')", code: "import sys\nsys.exit('bad input')\n", inputs: [""] },
  { name: "sys.exit(256) and -1", code: "import sys\nsys.exit(int(input()))\n", inputs: ["256\n", "-1\n", "1\n"] },
  { name: "SystemExit(True)", code: "raise SystemExit(True)\n", inputs: [""] },
  { name: "exception traceback", code: "def f(x):\n    return 10 // x\nprint(f(int(input())))\n", inputs: ["0\n", "2\n"] },
  { name: "chained exceptions", code: "try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('bad') from e\n", inputs: [""] },
  { name: "exception with context", code: "try:\n    1/0\nexcept ZeroDivisionError:\n    [][1]\n", inputs: [""] },
  { name: "EOFError from input()", code: "input()\ninput()\n", inputs: ["one line\n"] },
  { name: "syntax error", code: "def f(:\n    pass\n", inputs: ["", "1\n"] },
  { name: "indentation error", code: "if True:\nprint(1)\n", inputs: [""] },
  { name: "unterminated string", code: "print('abc)\n", inputs: [""] },
  { name: "compile-time SyntaxWarning", code: "x = 5\nprint(x is 5)\n", inputs: [""] },
  { name: "invalid escape sequence", code: "print(len('\\d'))\n", inputs: [""] },
  { name: "runtime warning", code: "import warnings\nwarnings.warn('careful')\nprint('done')\n", inputs: [""] },
  {
    name: "custom excepthook",
    code: "import sys\nsys.excepthook = lambda t, v, tb: print('hooked', t.__name__)\nraise RuntimeError('x')\n",
    inputs: [""],
  },
  { name: "KeyboardInterrupt", code: "print('before')\nraise KeyboardInterrupt\n", inputs: [""] },
  {
    name: "default recursion limit",
    code: "import sys\nprint(sys.getrecursionlimit() >= 1000)\ndef f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n        return n\nprint(f(1))\n",
    inputs: [""],
  },
  {
    name: "recursion limit as the program sets and sees it",
    code: "import sys\nprint(sys.getrecursionlimit())\nsys.setrecursionlimit(1500)\nprint(sys.getrecursionlimit())\ndef f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n        return n\nprint(f(1))\n",
    inputs: [""],
  },
  {
    name: "raised recursion limit",
    code: "import sys\nsys.setrecursionlimit(10**5)\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(int(input())))\n",
    inputs: ["50000\n"],
  },
  {
    name: "recursion in a big-stack thread",
    code: "import sys, threading\nsys.setrecursionlimit(10**6)\nthreading.stack_size(1 << 27)\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\ndef main():\n    print(f(200000))\nt = threading.Thread(target=main)\nt.start()\nt.join()\n",
    inputs: [""],
  },
  {
    name: "non-daemon thread outlives main",
    code: "import threading, time\ndef late():\n    time.sleep(0.05)\n    print('late')\nthreading.Thread(target=late).start()\nprint('main done')\n",
    inputs: [""],
  },
  {
    name: "exception in a thread",
    code: "import threading\ndef boom():\n    raise ValueError('in thread')\nt = threading.Thread(target=boom)\nt.start()\nt.join()\nprint('ok')\n",
    inputs: [""],
  },
  { name: "atexit handler", code: "import atexit\natexit.register(lambda: print('bye'))\nprint('hi')\n", inputs: [""] },
  { name: "__del__ at exit", code: "class A:\n    def __del__(self):\n        print('deleted')\na = A()\nprint('end')\n", inputs: [""] },
  { name: "unclosed file on fd 1", code: "out = open(1, 'w', closefd=False)\nout.write('via fd one\\n')\n", inputs: [""] },
  {
    name: "replaced sys.stdout",
    code: "import io, sys\nbuf = io.StringIO()\nreal = sys.stdout\nsys.stdout = buf\nprint('hidden')\nreal.write(buf.getvalue().upper())\n",
    inputs: [""],
  },
  { name: "os._exit loses buffered output", code: "import os\nprint('buffered')\nos._exit(0)\n", inputs: [""] },
  { name: "stderr and stdout", code: "import sys\nprint('err', file=sys.stderr)\nprint('out')\n", inputs: [""] },
  { name: "unicode and surrogates", code: "print('héllo ✓')\nimport sys\nsys.stdout.buffer.write(b'\\xff\\n')\n", inputs: [""] },
  { name: "large output", code: "print('\\n'.join(str(i) for i in range(200000)))\n", inputs: [""] },
  {
    name: "imports and modules",
    code: "import sys\nimport collections, heapq, bisect, math, itertools, functools\nprint('threading' in sys.modules, 'json' in sys.modules or True)\n",
    inputs: [""],
  },
  { name: "signal to self", code: "import os, signal\nprint('x', flush=True)\nos.kill(os.getpid(), signal.SIGTERM)\n", inputs: [""] },
  { name: "segfault", code: "import ctypes\nctypes.string_at(0)\n", inputs: [""] },
  {
    name: "pickle of a __main__ class",
    code: "import pickle\nclass P:\n    pass\nprint(type(pickle.loads(pickle.dumps(P()))).__module__)\n",
    inputs: [""],
  },
  {
    name: "subprocess is unavailable alike",
    code: "import subprocess\ntry:\n    subprocess.run(['ls'])\nexcept OSError as e:\n    print(type(e).__name__)\n",
    inputs: [""],
  },
  {
    name: "multiprocessing fork pool",
    code: "import multiprocessing as mp\nif __name__ == '__main__':\n    with mp.get_context('fork').Pool(2) as p:\n        print(sum(p.map(abs, [-1, -2, 3])))\n",
    inputs: [""],
  },
  {
    name: "tmp files are private per test",
    code: "import os\nprint(os.path.exists('/tmp/mark'))\nopen('/tmp/mark', 'w').write('x')\n",
    inputs: ["", ""],
  },
  { name: "null byte in source", code: "print(1)\n\0\n", inputs: [""] },
];

/** Python source as written (String.raw: backslashes stay Python's), first newline dropped. */
const py = (strings: TemplateStringsArray, ...values: string[]) => String.raw(strings, ...values).replace(/^\n/, "");
const FASTIO = corpus("fastio-template.py");
const fastio = (body: string) => FASTIO + body;

/**
 * Real-world idioms of accepted competitive-programming solutions (issue 10
 * item 2): templates, the ways they read and write, and the ways they end.
 * Object reprs with addresses are avoided (they differ between any two runs).
 */
export const IDIOM_PROGRAMS: EquivalenceProgram[] = [
  // --- FastIO / IOWrapper templates and their variants ---
  {
    name: "FastIO: input lambda, print",
    code: fastio(py`
a, b = map(int, input().split())
print(a + b)
`),
    inputs: ["1 2\n", "5 7\n", "x\n"],
  },
  {
    name: "FastIO: py2-compat template with its own print, main()",
    code: corpus("fastio-py2-compat.py"),
    inputs: ["3\n1 2 3\n", "1\n5\n"],
  },
  {
    name: "FastIO: many lines, no explicit flush",
    code: fastio(py`
n = int(input())
for i in range(n):
    print(i * i)
`),
    inputs: ["20000\n"],
  },
  {
    name: "FastIO: sys.stdout.write without newline",
    code: fastio(py`
sys.stdout.write(str(int(input()) * 3))
`),
    inputs: ["7\n"],
  },
  {
    name: "FastIO: exit() after output",
    code: fastio(py`
print("first")
exit()
print("never")
`),
    inputs: [""],
  },
  {
    name: "FastIO: sys.exit(0) inside main()",
    code: fastio(py`
def main():
    print(int(input()) + 1)
    sys.exit(0)
main()
`),
    inputs: ["41\n"],
  },
  {
    name: "FastIO: exception after output",
    code: fastio(py`
print("partial")
x = int(input())
print(10 // x)
`),
    inputs: ["0\n", "5\n"],
  },
  {
    name: "FastIO: SystemExit with a message",
    code: fastio(py`
print("out")
raise SystemExit("bad")
`),
    inputs: [""],
  },
  {
    name: "FastIO: deep-DFS thread prints into the wrapper",
    code: fastio(py`
import threading
sys.setrecursionlimit(1 << 25)
threading.stack_size(1 << 27)
def dfs(n):
    return 0 if n == 0 else 1 + dfs(n - 1)
def main():
    print(dfs(int(input())))
threading.Thread(target=main).start()
`),
    inputs: ["100000\n"],
  },
  {
    name: "FastIO: explicit flush then os._exit",
    code: fastio(py`
print("kept")
sys.stdout.flush()
print("lost")
os._exit(0)
`),
    inputs: [""],
  },
  {
    name: "FastIO: os._exit without flush loses output",
    code: fastio(py`
print("lost")
os._exit(2)
`),
    inputs: [""],
  },
  {
    name: "FastIO: __del__ prints at teardown",
    code: fastio(py`
class Tracker:
    def __del__(self):
        print("tracker gone")
t = Tracker()
print("end of main")
`),
    inputs: [""],
  },
  {
    name: "FastIO: atexit handler prints",
    code: fastio(py`
import atexit
atexit.register(lambda: print("from atexit"))
print("main")
`),
    inputs: [""],
  },
  {
    name: "FastIO: reading past EOF",
    code: fastio(py`
print(input())
print(repr(input()))
`),
    inputs: ["only\n"],
  },
  {
    name: "FastIO: stdin.read all",
    code: fastio(py`
data = sys.stdin.read().split()
print(sum(map(int, data)))
`),
    inputs: ["1 2 3\n4 5\n", ""],
  },
  {
    name: "FastIO: KeyboardInterrupt",
    code: fastio(py`
print("before")
raise KeyboardInterrupt
`),
    inputs: [""],
  },
  { name: "atexit + StringIO template", code: corpus("atexit-stringio-template.py"), inputs: ["2\n1 2\n3 4\n"] },
  {
    name: "BytesIO input, os.write output",
    code: py`
import io, os
input = io.BytesIO(os.read(0, os.fstat(0).st_size)).readline
n = int(input())
os.write(1, ("
".join(str(i) for i in range(n)) + "
").encode())
`,
    inputs: ["5\n"],
  },
  {
    name: "print = sys.stdout.write rebinding",
    code: py`
import sys
input = sys.stdin.readline
print = sys.stdout.write
n = int(input())
print(str(n * 2) + "
")
print(str(n * 3))
`,
    inputs: ["4\n"],
  },
  {
    name: "from sys import stdin, stdout",
    code: py`
from sys import stdin, stdout
n = int(stdin.readline())
stdout.write(" ".join(map(str, range(n))))
stdout.write("
")
`,
    inputs: ["6\n"],
  },
  {
    name: "output collected in a list, one write",
    code: py`
import sys
out = []
for line in sys.stdin:
    out.append(line.strip()[::-1])
sys.stdout.write("
".join(out) + "
")
`,
    inputs: ["abc\ndef\n", "x"],
  },
  // --- reading ---
  {
    name: "os.write(1, ...)",
    code: py`
import os
os.write(1, b"raw bytes
")
print("after")
`,
    inputs: [""],
  },
  {
    name: "sys.stdin.buffer.read()",
    code: py`
import sys
data = sys.stdin.buffer.read().split()
print(sum(map(int, data)))
`,
    inputs: ["1 2 3\n", "\n", ""],
  },
  {
    name: "sys.stdin.buffer.readline bytes ints",
    code: py`
import sys
input = sys.stdin.buffer.readline
n = int(input())
print(n, input())
`,
    inputs: ["3\nabc\n"],
  },
  {
    name: "open(0).read()",
    code: py`
print(sum(map(int, open(0).read().split())))
`,
    inputs: ["10 20\n30\n"],
  },
  {
    name: "map(int, open(0))",
    code: py`
n, *rest = map(int, open(0))
print(n, sum(rest))
`,
    inputs: ["3\n1\n2\n3\n"],
  },
  {
    name: "open(0) lines",
    code: py`
lines = open(0).readlines()
print(len(lines), repr(lines[-1]) if lines else None)
`,
    inputs: ["a\nb", ""],
  },
  {
    name: "readline loop to EOF",
    code: py`
import sys
total = 0
while True:
    line = sys.stdin.readline()
    if not line:
        break
    total += int(line)
print(total)
`,
    inputs: ["1\n2\n3\n", ""],
  },
  {
    name: "for line in sys.stdin",
    code: py`
import sys
for i, line in enumerate(sys.stdin):
    print(i, line.rstrip())
`,
    inputs: ["x\ny\nz"],
  },
  {
    name: "input = sys.stdin.readline rebinding",
    code: py`
import sys
input = sys.stdin.readline
t = int(input())
for _ in range(t):
    a, b = map(int, input().split())
    print(a * b)
`,
    inputs: ["2\n2 3\n4 5\n"],
  },
  {
    name: "reading more lines than exist (readline)",
    code: py`
import sys
input = sys.stdin.readline
a = int(input())
b = int(input())
print(a + b)
`,
    inputs: ["1\n"],
  },
  {
    name: "reading more tokens than exist (iterator)",
    code: py`
import sys
it = iter(sys.stdin.read().split())
print(int(next(it)) + int(next(it)))
`,
    inputs: ["1\n"],
  },
  {
    name: "input() with a prompt",
    code: py`
name = input("Your name: ")
print("hi", name)
`,
    inputs: ["ann\n"],
  },
  {
    name: "sys.stdin.read twice",
    code: py`
import sys
a = sys.stdin.read()
b = sys.stdin.read()
print(len(a), repr(b))
`,
    inputs: ["abc\n"],
  },
  {
    name: "stdin replaced by StringIO",
    code: py`
import io, sys
sys.stdin = io.StringIO("5
")
print(int(input()) + 1)
`,
    inputs: [""],
  },
  {
    name: "stdin closed then input()",
    code: py`
import sys
sys.stdin.close()
input()
`,
    inputs: ["x\n"],
  },
  // --- writing ---
  {
    name: "print(..., flush=True)",
    code: py`
for i in range(3):
    print(i, flush=True)
`,
    inputs: [""],
  },
  {
    name: "print(*a, sep='\n')",
    code: py`
a = list(range(5))
print(*a, sep="
")
print(*a)
`,
    inputs: [""],
  },
  {
    name: "text and buffer interleaved",
    code: py`
import sys
print("text 1")
sys.stdout.buffer.write(b"bytes 1
")
print("text 2")
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes 2
")
`,
    inputs: [""],
  },
  {
    name: "output left in a TextIOWrapper buffer",
    code: py`
import io
w = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), write_through=False)
w.write("sitting in the buffer
")
`,
    inputs: [""],
  },
  {
    name: "stdout reopened with a big buffer, never flushed",
    code: py`
import sys
sys.stdout = open(sys.stdout.fileno(), "w", buffering=1 << 20, closefd=False)
for i in range(1000):
    print(i)
`,
    inputs: [""],
  },
  {
    name: "os.fdopen(1) closes fd 1 at teardown",
    code: py`
import os
out = os.fdopen(1, "w")
out.write("via fdopen
")
`,
    inputs: [""],
  },
  {
    name: "stdout reconfigured to line buffering",
    code: py`
import sys
sys.stdout.reconfigure(line_buffering=True)
print("a")
print("b")
`,
    inputs: [""],
  },
  {
    name: "write to a closed stdout",
    code: py`
import sys
print("before close")
sys.stdout.close()
print("after close")
`,
    inputs: [""],
  },
  {
    name: "closing stdout at the end",
    code: py`
import sys
print("done")
sys.stdout.close()
`,
    inputs: [""],
  },
  {
    name: "fd 1 closed under a buffered stdout",
    code: py`
import os
print("lost in the buffer")
os.close(1)
`,
    inputs: [""],
  },
  {
    name: "sys.stdout = None, then print",
    code: py`
import sys
sys.stdout = None
print("nowhere")
sys.stderr.write("still here
")
`,
    inputs: [""],
  },
  {
    name: "unicode output",
    code: py`
print("Ünïcödé ✓ 中文 😀")
`,
    inputs: [""],
  },
  {
    name: "\r\n line endings",
    code: py`
import sys
sys.stdout.write("a
b
")
`,
    inputs: [""],
  },
  {
    name: "non-ascii through FastIO fails",
    code: fastio(py`
print("é")
`),
    inputs: [""],
  },
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
