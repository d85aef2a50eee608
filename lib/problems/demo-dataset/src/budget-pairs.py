NAME = "Budget Pairs"
DIFFICULTY = 2
RATING = 1300
TAGS = ["binary search", "sortings", "two pointers"]
TIME_LIMIT = 1

STATEMENT = r"""
The gift shop has n souvenirs, the i-th of them costs a_i coins. Dana wants to buy exactly two different souvenirs and spend at most B coins in total.

In how many ways can she choose the pair? Two ways are different if the sets of chosen souvenirs differ (souvenirs with equal prices are still different souvenirs).

Input

The first line contains two integers n and B (2 ≤ n ≤ 2·10^5, 1 ≤ B ≤ 2·10^9).

The second line contains n integers a_1, a_2, …, a_n (1 ≤ a_i ≤ 10^9).

Output

Print one integer: the number of pairs of souvenirs with total price at most B.
"""

NOTE = r"""
In the first example the pairs are (1, 2), (1, 3), (1, 4), (2, 3) and (2, 4), where souvenirs are numbered in input order; souvenirs 3 and 4 cost 8 together.
"""

PUBLIC_INPUTS = ["4 7\n2 3 4 4\n", "3 100\n50 50 51\n"]


def fmt(budget, prices):
    return f"{len(prices)} {budget}\n{' '.join(map(str, prices))}\n"


def gen_private_inputs(rng):
    big = 10**9
    tests = [
        fmt(1, [1, 1]),
        fmt(2, [1, 1]),
        fmt(2 * big, [big, big]),
        fmt(2 * big - 1, [big, big, big]),
        fmt(10, [5] * 6),
        fmt(9, [5] * 6),
        fmt(6, [1, 2, 3, 4, 5, 6]),
        fmt(50, [rng.randint(1, 40) for _ in range(30)]),
        fmt(1000, [rng.randint(1, 1000) for _ in range(1000)]),
    ]
    # Sizes where checking every pair is far too slow.
    n = 20000
    tests.append(fmt(10**6, [rng.randint(1, 10**6) for _ in range(n)]))
    tests.append(fmt(2 * 10**9, [rng.randint(1, 10**9) for _ in range(n // 4)]))
    tests.append(fmt(5, [1, 2, 3, 4, 5, 6, 7] * 2000))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    n, budget = values[:2]
    prices = values[2:]
    assert 2 <= n <= 2 * 10**5 and 1 <= budget <= 2 * 10**9 and len(prices) == n
    assert all(1 <= a <= 10**9 for a in prices)


REFERENCE = r'''
import sys

data = sys.stdin.buffer.read().split()
n, budget = int(data[0]), int(data[1])
prices = sorted(map(int, data[2:2 + n]))
count = 0
lo, hi = 0, n - 1
while lo < hi:
    if prices[lo] + prices[hi] <= budget:
        count += hi - lo
        lo += 1
    else:
        hi -= 1
print(count)
'''

WRONG = [
    ("TLE: tries every pair, O(n^2)", r'''
n, budget = map(int, input().split())
prices = list(map(int, input().split()))
count = 0
for i in range(n):
    for j in range(i + 1, n):
        if prices[i] + prices[j] <= budget:
            count += 1
print(count)
'''),
    ("WA: counts partners with bisect but also pairs a souvenir with itself before halving", r'''
import bisect

n, budget = map(int, input().split())
prices = sorted(map(int, input().split()))
total = 0
for p in prices:
    total += bisect.bisect_right(prices, budget - p)
print(total // 2)
'''),
]
