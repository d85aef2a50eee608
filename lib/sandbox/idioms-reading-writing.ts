import { fastio, py, type EquivalenceProgram } from "./equivalence-helpers";

/** Real-world idioms (issue 10 item 2): the ways solutions read and write. */
export const READ_WRITE_IDIOMS: EquivalenceProgram[] = [
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
];
