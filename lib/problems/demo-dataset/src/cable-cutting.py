NAME = "Cable Cutting"
DIFFICULTY = 2
RATING = 1500
TAGS = ["binary search"]
TIME_LIMIT = 1

STATEMENT = r"""
The stage crew has n cables; the i-th cable is L_i meters long. For the show they need k cables of the same length x meters, where x is a positive integer. A cable of length L can be cut into ⌊L / x⌋ pieces of length x (the rest is wasted); pieces cannot be joined.

Find the maximum x such that at least k pieces of length x can be obtained. If even x = 1 does not give k pieces, print 0.

Input

The first line contains two integers n and k (1 ≤ n ≤ 10^5, 1 ≤ k ≤ 10^{14}).

The second line contains n integers L_1, L_2, …, L_n (1 ≤ L_i ≤ 10^9).

Output

Print one integer: the maximum length x, or 0.
"""

NOTE = r"""
In the first example pieces of length 5 give 1 + 1 + 2 = 4 pieces, while pieces of length 6 give only 0 + 1 + 2 = 3.
"""

PUBLIC_INPUTS = ["3 4\n5 7 12\n", "2 100\n10 20\n"]


def fmt(k, lengths):
    return f"{len(lengths)} {k}\n{' '.join(map(str, lengths))}\n"


def gen_private_inputs(rng):
    big = 10**9
    tests = [
        fmt(1, [1]),
        fmt(2, [1]),
        fmt(1, [big]),  # the answer is the longest cable itself
        fmt(3, [7, 7, 7]),
        fmt(10**14, [big] * 10),
        fmt(10**14, [big] * 1000),
        fmt(2, [big, 1]),
        fmt(5, [rng.randint(1, 100) for _ in range(5)]),
        fmt(40, [rng.randint(1, 1000) for _ in range(20)]),
    ]
    lengths = [rng.randint(1, big) for _ in range(5000)]
    tests.append(fmt(rng.randint(1, sum(lengths)), lengths))
    # The answer is tiny while the cables are long: trying every x from the top takes ~10^9 steps.
    tests.append(fmt(sum(lengths) // 3, lengths))
    tests.append(fmt(sum(lengths), lengths))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    n, k = values[:2]
    assert 1 <= n <= 10**5 and 1 <= k <= 10**14 and len(values) == n + 2
    assert all(1 <= x <= 10**9 for x in values[2:])


REFERENCE = r'''
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n, k = data[0], data[1]
lengths = data[2:2 + n]
lo, hi = 0, max(lengths)  # lo is always achievable (0 by convention), hi + 1 never is
while lo < hi:
    mid = (lo + hi + 1) // 2
    if sum(length // mid for length in lengths) >= k:
        lo = mid
    else:
        hi = mid - 1
print(lo)
'''

WRONG = [
    ("WA: binary search with an exclusive upper bound never returns the longest cable's length", r'''
n, k = map(int, input().split())
lengths = list(map(int, input().split()))
lo, hi = 0, max(lengths)
while hi - lo > 1:
    mid = (lo + hi) // 2
    if sum(x // mid for x in lengths) >= k:
        lo = mid
    else:
        hi = mid
print(lo)
'''),
    ("TLE: tries every length from the longest cable downwards", r'''
n, k = map(int, input().split())
lengths = list(map(int, input().split()))
x = max(lengths)
while x > 0 and sum(c // x for c in lengths) < k:
    x -= 1
print(x)
'''),
]
