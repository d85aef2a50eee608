# The "collect output, write it at exit" template: stdin read at once,
# stdout an io.StringIO, written out by an atexit handler.
import atexit
import io
import sys

_INPUT_LINES = sys.stdin.read().splitlines()
input = iter(_INPUT_LINES).__next__
_OUTPUT_BUFFER = io.StringIO()
sys.stdout = _OUTPUT_BUFFER


@atexit.register
def write():
    sys.__stdout__.write(_OUTPUT_BUFFER.getvalue())


t = int(input())
for _ in range(t):
    a, b = map(int, input().split())
    print(a + b)
