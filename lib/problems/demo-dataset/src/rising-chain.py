NAME = "Rising Chain"
DIFFICULTY = 3
RATING = 1900
TAGS = ["binary search", "data structures", "dp"]
TIME_LIMIT = 1

STATEMENT = r"""
A hiking trail passes n viewpoints in order; the i-th viewpoint is at altitude a_i. A photographer wants to stop at some of the viewpoints (keeping their order along the trail) so that every stop is strictly higher than the previous one: each photo must show all the previous stops below.

What is the maximum number of stops?

Input

The first line contains one integer n (1 ≤ n ≤ 2·10^5).

The second line contains n integers a_1, a_2, …, a_n (1 ≤ a_i ≤ 10^9).

Output

Print one integer: the maximum number of stops.
"""

NOTE = r"""
In the first example the photographer can stop at altitudes 2, 4, 5 and 8 (or 2, 4, 5 and 7).
"""

PUBLIC_INPUTS = ["8\n6 2 9 4 5 1 8 7\n", "4\n4 3 2 1\n"]


def fmt(values):
    return f"{len(values)}\n{' '.join(map(str, values))}\n"


def gen_private_inputs(rng):
    big = 10**9
    return [
        fmt([1]),
        fmt([5, 5, 5, 5]),  # equal altitudes are not strictly higher
        fmt([1, 2, 2, 3]),
        fmt([big, 1, big]),
        fmt(list(range(1, 1001))),
        fmt([3, 1, 2, 1, 2, 3, 4, 1]),
        fmt([rng.randint(1, 10) for _ in range(30)]),
        fmt([rng.randint(1, big) for _ in range(1000)]),
        # Large inputs where comparing every pair of stops is too slow.
        fmt([rng.randint(1, 50000) for _ in range(15000)]),
        fmt([i // 3 + rng.randint(1, 3) for i in range(15000)]),
        fmt([rng.randint(1, 3) for _ in range(20000)]),
    ]


def validate(text):
    values = list(map(int, text.split()))
    n = values[0]
    assert 1 <= n <= 2 * 10**5 and len(values) == n + 1 and all(1 <= a <= 10**9 for a in values[1:])


REFERENCE = r'''
import sys
from bisect import bisect_left

data = list(map(int, sys.stdin.buffer.read().split()))
tails = []  # tails[k] = smallest last altitude of a strictly rising chain of k + 1 stops
for a in data[1:]:
    k = bisect_left(tails, a)
    if k == len(tails):
        tails.append(a)
    else:
        tails[k] = a
print(len(tails))
'''

WRONG = [
    ("TLE: quadratic dynamic programming over all pairs of viewpoints", r'''
n = int(input())
a = list(map(int, input().split()))
best = [1] * n
for i in range(n):
    for j in range(i):
        if a[j] < a[i] and best[j] + 1 > best[i]:
            best[i] = best[j] + 1
print(max(best))
'''),
    ("WA: bisect_right lets equal altitudes extend the chain (non-strict increase)", r'''
from bisect import bisect_right

n = int(input())
a = list(map(int, input().split()))
tails = []
for x in a:
    k = bisect_right(tails, x)
    if k == len(tails):
        tails.append(x)
    else:
        tails[k] = x
print(len(tails))
'''),
]
