import type { EquivalenceProgram } from "./equivalence-helpers";
import { ENDING_IDIOMS } from "./idioms-ending";
import { ERROR_STATE_IDIOMS } from "./idioms-errors-state";
import { FASTIO_IDIOMS } from "./idioms-fastio";
import { READ_WRITE_IDIOMS } from "./idioms-reading-writing";

/** Ways a forked child could differ from a fresh interpreter (the programs' type: equivalence-helpers.ts). */
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

/**
 * Real-world idioms of accepted competitive-programming solutions (issue 10
 * item 2): templates, the ways they read and write, and the ways they end.
 * Object reprs with addresses are avoided (they differ between any two runs).
 */
export const IDIOM_PROGRAMS: EquivalenceProgram[] = [...FASTIO_IDIOMS, ...READ_WRITE_IDIOMS, ...ENDING_IDIOMS, ...ERROR_STATE_IDIOMS];
