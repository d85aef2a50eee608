NAME = "Fair Cut"
DIFFICULTY = 2
RATING = 1300
TAGS = ["implementation", "prefix sums"]
TIME_LIMIT = 1

STATEMENT = r"""
Two friends run a small bakery and keep a ledger of n consecutive days: on day i the bakery earned a_i coins (a negative value means a loss). They want to split the ledger into two parts with a single cut between two neighbouring days: the first friend takes days 1, …, i and the second one takes days i + 1, …, n, where 1 ≤ i ≤ n - 1, so that both parts are non-empty.

A cut is fair if both parts have the same total earnings. Count the fair cuts.

Input

The first line contains one integer n (2 ≤ n ≤ 2·10^5).

The second line contains n integers a_1, a_2, …, a_n (-10^9 ≤ a_i ≤ 10^9).

Output

Print one integer: the number of fair cuts.
"""

NOTE = r"""
In the first example the only fair cut is after the third day: 3 + (-1) + 2 = 4 = 1 + 3.
"""

PUBLIC_INPUTS = ["5\n3 -1 2 1 3\n", "4\n1 2 3 4\n"]


def fmt(values):
    return f"{len(values)}\n{' '.join(map(str, values))}\n"


def gen_private_inputs(rng):
    big = 10**9
    tests = [
        fmt([0, 0]),
        fmt([1, 1]),
        fmt([1, -1]),
        fmt([0] * 10),  # total 0: a cut after the last day would also "balance", but it is not allowed
        fmt([5, -5, 5, -5]),
        fmt([big, -big, big, -big, big, -big]),
        fmt([big] * 1000),
        fmt([rng.choice((-1, 0, 1)) for _ in range(30)]),
    ]
    walk = [rng.choice((-1, 1)) for _ in range(1000)]
    walk += [-x for x in walk]
    tests.append(fmt(walk))
    # Long ledgers where summing both parts anew for every cut is far too slow.
    n = 40000
    values = [rng.randint(-9, 9) for _ in range(n // 2)]
    tests.append(fmt(values + [-v for v in values]))
    tests.append(fmt([0] * 30000))
    tests.append(fmt([rng.randint(-big, big) for _ in range(2000)]))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    n = values[0]
    assert 2 <= n <= 2 * 10**5 and len(values) == n + 1
    assert all(-10**9 <= a <= 10**9 for a in values[1:])


REFERENCE = r'''
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n, a = data[0], data[1:]
total = sum(a)
prefix = 0
fair = 0
for i in range(n - 1):
    prefix += a[i]
    if 2 * prefix == total:
        fair += 1
print(fair)
'''

WRONG = [
    ("WA: also tries the cut after the last day, which leaves the second part empty", r'''
n = int(input())
a = list(map(int, input().split()))
total = sum(a)
prefix = 0
fair = 0
for i in range(n):
    prefix += a[i]
    if prefix * 2 == total:
        fair += 1
print(fair)
'''),
    ("TLE: sums both parts from scratch for every cut, O(n^2)", r'''
n = int(input())
a = list(map(int, input().split()))
fair = 0
for i in range(1, n):
    if sum(a[:i]) == sum(a[i:]):
        fair += 1
print(fair)
'''),
]
