NAME = "Bounty Board"
DIFFICULTY = 2
RATING = 1700
TAGS = ["data structures", "greedy", "sortings"]
TIME_LIMIT = 1

STATEMENT = r"""
A freelancer looks at the bounty board, which lists n tasks. Every task takes exactly one day. The i-th task pays p_i coins if it is finished on day d_i or earlier (days are numbered from 1, and the freelancer starts on day 1); a task finished later pays nothing, so there is no point in doing it.

The freelancer can finish at most one task per day. What is the maximum total payment?

Input

The first line contains one integer n (1 ≤ n ≤ 2·10^5).

Each of the next n lines contains two integers d_i and p_i (1 ≤ d_i ≤ n, 1 ≤ p_i ≤ 10^9).

Output

Print one integer: the maximum total payment.
"""

NOTE = r"""
In the first example the freelancer does the task paying 5 on day 1 and the task paying 10 on day 2.
"""

PUBLIC_INPUTS = ["3\n2 10\n1 5\n2 4\n", "4\n4 1\n4 2\n4 3\n4 4\n"]


def fmt(tasks):
    return f"{len(tasks)}\n" + "".join(f"{d} {p}\n" for d, p in tasks)


def gen_private_inputs(rng):
    big = 10**9
    tests = [
        fmt([(1, 7)]),
        fmt([(1, 1), (1, big)]),
        fmt([(2, 10), (1, 5)]),  # taking the best task first must not block the day-1 task
        fmt([(1, 3), (2, 1), (2, 2), (3, 5), (3, 4)]),
        fmt([(1, 10), (2, 3), (2, 4), (3, 1), (3, 9)]),
        fmt([(5, big)] * 5),
        fmt([(1, big)] * 1000),
    ]
    for n in (8, 60, 1000):
        tests.append(fmt([(rng.randint(1, n), rng.randint(1, 100)) for _ in range(n)]))
    n = 12000
    # Every deadline late: scanning backwards for a free day walks over all the days already taken.
    tests.append(fmt([(n, rng.randint(1, 100)) for _ in range(n)]))
    n = 2000
    tests.append(fmt([(rng.randint(n // 2, n), rng.randint(1, big)) for _ in range(n)]))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    n = values[0]
    assert 1 <= n <= 2 * 10**5 and len(values) == 1 + 2 * n
    for d, p in zip(values[1::2], values[2::2]):
        assert 1 <= d <= n and 1 <= p <= 10**9


REFERENCE = r'''
import heapq
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n = data[0]
tasks = sorted(zip(data[1::2], data[2::2]))
chosen = []  # min-heap of the payments of the tasks kept so far
for deadline, pay in tasks:
    heapq.heappush(chosen, pay)
    if len(chosen) > deadline:
        heapq.heappop(chosen)
print(sum(chosen))
'''

WRONG = [
    ("WA: takes tasks by decreasing pay while fewer tasks than the deadline are chosen, ignoring which days they use", r'''
n = int(input())
tasks = [tuple(map(int, input().split())) for _ in range(n)]
tasks.sort(key=lambda t: -t[1])
taken = 0
total = 0
for deadline, pay in tasks:
    if taken < deadline:
        taken += 1
        total += pay
print(total)
'''),
    ("TLE: puts each task on the latest free day by scanning backwards, O(n^2) when deadlines are late", r'''
n = int(input())
tasks = [tuple(map(int, input().split())) for _ in range(n)]
tasks.sort(key=lambda t: -t[1])
busy = [False] * (n + 1)
total = 0
for deadline, pay in tasks:
    day = deadline
    while day > 0 and busy[day]:
        day -= 1
    if day > 0:
        busy[day] = True
        total += pay
print(total)
'''),
]
