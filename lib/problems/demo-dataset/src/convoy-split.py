NAME = "Convoy Split"
DIFFICULTY = 3
RATING = 2000
TAGS = ["binary search", "greedy"]
TIME_LIMIT = 2

STATEMENT = r"""
n containers stand on a quay in a fixed order; the i-th container weighs w_i tons. They must be loaded onto exactly k trucks: the first truck takes some non-empty prefix of the row, the second truck takes the next non-empty group, and so on, so that every truck takes a non-empty contiguous group of containers and every container is on exactly one truck.

The heaviest load determines the size of the crane needed. Split the containers so that the heaviest truck load is as small as possible, and print that load.

Input

The first line contains two integers n and k (1 ≤ k ≤ n ≤ 3·10^4).

The second line contains n integers w_1, w_2, …, w_n (0 ≤ w_i ≤ 10^4).

Output

Print one integer: the minimum possible heaviest truck load.
"""

NOTE = r"""
In the first example the best split is [7, 2, 5] and [10, 8] with loads 14 and 18.
"""

PUBLIC_INPUTS = ["5 2\n7 2 5 10 8\n", "4 4\n1 2 3 4\n"]


def fmt(k, weights):
    return f"{len(weights)} {k}\n{' '.join(map(str, weights))}\n"


def gen_private_inputs(rng):
    big = 10**4
    return [
        fmt(1, [0]),
        fmt(1, [big]),
        fmt(3, [0, 0, 0]),
        fmt(2, [1, 1, 1, 100]),
        fmt(3, [5, 1, 1, 1, 1, 1, 5]),
        fmt(2, [10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
        fmt(2, [3, 3, 3, 3, 4]),  # cutting as soon as the average is exceeded gives 6 + 10, not 9 + 7
        fmt(1, [big] * 1000),
        fmt(4, [rng.randint(0, 20) for _ in range(12)]),
        fmt(7, [rng.randint(0, 1000) for _ in range(200)]),
        # Sizes where trying every cut for every truck is far too slow.
        fmt(50, [rng.randint(0, big) for _ in range(15000)]),
        fmt(10000, [rng.randint(0, big) for _ in range(10000)]),
        fmt(800, [rng.choice((0, big)) for _ in range(8000)]),
    ]


def validate(text):
    values = list(map(int, text.split()))
    n, k = values[:2]
    assert 1 <= k <= n <= 3 * 10**4 and len(values) == n + 2 and all(0 <= w <= 10**4 for w in values[2:])


REFERENCE = r'''
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n, k = data[0], data[1]
weights = data[2:2 + n]

def trucks_needed(limit):
    # Greedy: fill each truck as long as the limit allows. Weights are >= 0, so if the greedy needs at
    # most k trucks, groups can always be split further to use exactly k.
    trucks, load = 1, 0
    for w in weights:
        if load + w > limit:
            trucks += 1
            load = w
        else:
            load += w
    return trucks

lo, hi = max(weights), sum(weights)
while lo < hi:
    mid = (lo + hi) // 2
    if trucks_needed(mid) <= k:
        hi = mid
    else:
        lo = mid + 1
print(lo)
'''

WRONG = [
    ("WA: starts a new truck whenever the next container would push the load past the average total / k", r'''
n, k = map(int, input().split())
w = list(map(int, input().split()))
target = sum(w) / k
loads = [0]
for x in w:
    if loads[-1] + x > target and loads[-1] > 0 and len(loads) < k:
        loads.append(0)
    loads[-1] += x
print(max(loads))
'''),
    ("TLE: dynamic programming over (trucks, prefix) trying every last cut, O(k·n^2)", r'''
n, k = map(int, input().split())
w = list(map(int, input().split()))
prefix = [0]
for x in w:
    prefix.append(prefix[-1] + x)
INF = float("inf")
best = [INF] * (n + 1)
best[0] = 0
for truck in range(k):
    nxt = [INF] * (n + 1)
    for end in range(1, n + 1):
        for start in range(end):
            if best[start] < INF:
                cand = max(best[start], prefix[end] - prefix[start])
                if cand < nxt[end]:
                    nxt[end] = cand
    best = nxt
print(best[n])
'''),
]
