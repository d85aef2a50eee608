NAME = "Coin Staircase"
DIFFICULTY = 1
RATING = 1100
TAGS = ["binary search", "math"]
TIME_LIMIT = 1

STATEMENT = r"""
Little Tom builds staircases out of coins: the first row of a staircase has 1 coin, the second row has 2 coins, the third row has 3 coins, and so on. A row counts only if it is complete.

Tom asks you t questions. In each question he has n coins and wants to know how many complete rows his staircase will have.

Input

The first line contains one integer t (1 ≤ t ≤ 1000).

Each of the next t lines contains one integer n (0 ≤ n ≤ 10^{18}).

Output

For each question print the number of complete rows on a separate line.
"""

NOTE = r"""
With 7 coins Tom builds rows of 1, 2 and 3 coins, and the remaining coin is not enough for the fourth row.
"""

PUBLIC_INPUTS = ["4\n7\n1\n10\n1000\n"]

LIMIT = 10**18


def triangle(k):
    return k * (k + 1) // 2


def fmt(values):
    return f"{len(values)}\n" + "".join(f"{v}\n" for v in values)


def gen_private_inputs(rng):
    import math

    top = (math.isqrt(8 * LIMIT + 1) - 1) // 2
    tests = [
        fmt([0]),
        fmt([LIMIT]),
        fmt([triangle(top), triangle(top) - 1, triangle(top) + 1]),
        fmt(list(range(0, 50))),
        fmt([rng.randint(0, 10**6) for _ in range(1000)]),
    ]
    # Just below a triangular number, where rounding a floating-point square root up gives one row too many.
    for lo, hi in ((10**8, 10**9), (10**9, top)):
        ks = [rng.randint(lo, hi) for _ in range(300)]
        tests.append(fmt([triangle(k) - 1 for k in ks] + [triangle(k) for k in ks]))
    tests.append(fmt([rng.randint(LIMIT // 2, LIMIT) for _ in range(1000)]))
    tests.append(fmt([rng.randint(10**11, 10**12)]))
    tests.append(fmt([rng.randint(10**16, LIMIT) for _ in range(5)]))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    assert 1 <= values[0] <= 1000 and len(values) == values[0] + 1
    assert all(0 <= v <= LIMIT for v in values[1:])


REFERENCE = r'''
import sys
from math import isqrt

data = sys.stdin.read().split()
out = []
for token in data[1:]:
    n = int(token)
    out.append((isqrt(8 * n + 1) - 1) // 2)
print("\n".join(map(str, out)))
'''

WRONG = [
    ("TLE: builds the staircase row by row, about sqrt(2n) steps per question", r'''
t = int(input())
for _ in range(t):
    n = int(input())
    rows = 0
    while n >= rows + 1:
        rows += 1
        n -= rows
    print(rows)
'''),
    ("WA: closed formula with a floating-point square root that rounds up near triangular numbers", r'''
import math

t = int(input())
for _ in range(t):
    n = int(input())
    print(int((math.sqrt(8 * n + 1) - 1) / 2))
'''),
]
