NAME = "Study Plan"
DIFFICULTY = 3
RATING = 1900
TAGS = ["dp"]
TIME_LIMIT = 2

STATEMENT = r"""
Exams start in T hours, and Sam has a list of n topics. Studying topic i takes t_i hours and is expected to bring s_i points on the exam. A topic is either studied completely or not at all, and studying a topic twice brings nothing new.

Which topics should Sam study to maximise the expected number of points, without exceeding T hours in total? Print that maximum.

Input

The first line contains two integers n and T (1 ≤ n ≤ 100, 1 ≤ T ≤ 10^4).

Each of the next n lines contains two integers t_i and s_i (1 ≤ t_i ≤ 10^4, 1 ≤ s_i ≤ 10^6).

Output

Print one integer: the maximum total expected points.
"""

NOTE = r"""
In the first example Sam studies the first and the third topics: 3 + 4 = 7 hours for 5 + 6 = 11 points.
"""

PUBLIC_INPUTS = ["3 7\n3 5\n5 8\n4 6\n", "2 1\n2 100\n3 200\n"]


def fmt(capacity, items):
    return f"{len(items)} {capacity}\n" + "".join(f"{t} {s}\n" for t, s in items)


def gen_private_inputs(rng):
    return [
        fmt(1, [(1, 1)]),
        fmt(10**4, [(10**4, 10**6)]),
        fmt(10, [(1, 10), (10, 50)]),  # one short topic repeated ten times would look better
        fmt(6, [(2, 3), (3, 4), (4, 5), (5, 6)]),
        fmt(5, [(6, 9), (7, 9)]),
        fmt(100, [(rng.randint(1, 30), rng.randint(1, 100)) for _ in range(10)]),
        fmt(10**4, [(rng.randint(1, 10**4), rng.randint(1, 10**6)) for _ in range(100)]),
        fmt(10**4, [(rng.randint(50, 400), rng.randint(1, 10**6)) for _ in range(100)]),
        fmt(10**4, [(rng.randint(1, 200), 10**6) for _ in range(100)]),
        # Many small topics: trying every subset is hopeless.
        fmt(5000, [(rng.randint(100, 300), rng.randint(1, 1000)) for _ in range(40)]),
        fmt(10**4, [(1, 1)] * 100),
        fmt(9999, [(rng.randint(90, 110), rng.randint(900, 1100)) for _ in range(100)]),
    ]


def validate(text):
    values = list(map(int, text.split()))
    n, capacity = values[:2]
    assert 1 <= n <= 100 and 1 <= capacity <= 10**4 and len(values) == 2 + 2 * n
    for t, s in zip(values[2::2], values[3::2]):
        assert 1 <= t <= 10**4 and 1 <= s <= 10**6


REFERENCE = r'''
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n, capacity = data[0], data[1]
best = [0] * (capacity + 1)  # best[h] = most points within h hours using the topics seen so far
for i in range(n):
    t, s = data[2 + 2 * i], data[3 + 2 * i]
    if t > capacity:
        continue
    # Built from the previous row only, so each topic is used at most once.
    shifted = [v + s for v in best[:capacity + 1 - t]]
    best = best[:t] + [max(a, b) for a, b in zip(best[t:], shifted)]
print(best[capacity])
'''

WRONG = [
    ("WA: updates the table in increasing order of hours, which lets a topic be counted many times", r'''
n, capacity = map(int, input().split())
best = [0] * (capacity + 1)
for _ in range(n):
    t, s = map(int, input().split())
    for h in range(t, capacity + 1):
        best[h] = max(best[h], best[h - t] + s)
print(best[capacity])
'''),
    ("TLE: tries every subset of topics, 2^n", r'''
n, capacity = map(int, input().split())
items = [tuple(map(int, input().split())) for _ in range(n)]
best = 0
for mask in range(1 << n):
    hours = points = 0
    for i in range(n):
        if mask >> i & 1:
            hours += items[i][0]
            points += items[i][1]
    if hours <= capacity and points > best:
        best = points
print(best)
'''),
]
