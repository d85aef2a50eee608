import { corpus, fastio, py, type EquivalenceProgram } from "./equivalence-helpers";

/** Real-world idioms (issue 10 item 2): FastIO / IOWrapper templates and their variants. */
export const FASTIO_IDIOMS: EquivalenceProgram[] = [
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
];
