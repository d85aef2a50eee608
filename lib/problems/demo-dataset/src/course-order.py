NAME = "Course Order"
DIFFICULTY = 3
RATING = 2100
TAGS = ["data structures", "graphs", "greedy"]
TIME_LIMIT = 2

STATEMENT = r"""
A university offers n courses numbered from 1 to n. There are m prerequisite rules; the rule "a b" means that course a must be taken before course b. A student takes the courses one at a time, each exactly once.

Among all orders that respect every rule, print the one that is lexicographically smallest: the first course should be as small as possible, then the second one, and so on. If no order respects all the rules, print -1.

Input

The first line contains two integers n and m (1 ≤ n ≤ 10^5, 0 ≤ m ≤ 10^5).

Each of the next m lines contains two integers a and b (1 ≤ a, b ≤ n, a ≠ b). Rules may repeat.

Output

Print n integers: the lexicographically smallest valid order of the courses, or -1 if there is no valid order.
"""

NOTE = r"""
In the first example courses 1 and 2 come first. Course 3 still has to wait for course 4, so the next course is 4 (smaller than 5), then 3, and 5 is the last.
"""

PUBLIC_INPUTS = ["5 2\n4 3\n2 5\n", "3 3\n1 2\n2 3\n3 1\n"]


def fmt(n, rules):
    return f"{n} {len(rules)}\n" + "".join(f"{a} {b}\n" for a, b in rules)


def random_dag_rules(rng, n, m):
    rank = list(range(1, n + 1))
    rng.shuffle(rank)
    rules = []
    for _ in range(m):
        i, j = sorted(rng.sample(range(n), 2))
        rules.append((rank[i], rank[j]))
    return rules


def gen_private_inputs(rng):
    tests = [
        fmt(1, []),
        fmt(2, [(2, 1)]),
        fmt(2, [(1, 2), (2, 1)]),
        fmt(4, [(3, 1), (3, 1), (4, 2)]),
        fmt(6, [(6, 1), (5, 2), (4, 3)]),  # a course that becomes free can jump ahead of ones free earlier
        fmt(5, [(5, 4), (4, 3), (3, 2), (2, 1)]),
        fmt(5, [(2, 1), (3, 1), (1, 4), (4, 5), (5, 3)]),  # the cycle hides behind a free course
        fmt(8, random_dag_rules(rng, 8, 10)),
        fmt(300, random_dag_rules(rng, 300, 600)),
    ]
    n = 20000
    tests.append(fmt(n, random_dag_rules(rng, n, 2000)))
    tests.append(fmt(3000, [(i + 1, i) for i in range(1, 2000)]))
    rules = random_dag_rules(rng, 3000, 6000)
    rules.append((rules[0][1], rules[0][0]))  # one back edge closes a cycle
    tests.append(fmt(3000, rules))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    n, m = values[:2]
    assert 1 <= n <= 10**5 and 0 <= m <= 10**5 and len(values) == 2 + 2 * m
    for a, b in zip(values[2::2], values[3::2]):
        assert 1 <= a <= n and 1 <= b <= n and a != b


REFERENCE = r'''
import heapq
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n, m = data[0], data[1]
after = [[] for _ in range(n + 1)]
waiting = [0] * (n + 1)
for i in range(m):
    a, b = data[2 + 2 * i], data[3 + 2 * i]
    after[a].append(b)
    waiting[b] += 1
ready = [c for c in range(1, n + 1) if waiting[c] == 0]
heapq.heapify(ready)
order = []
while ready:
    course = heapq.heappop(ready)
    order.append(course)
    for nxt in after[course]:
        waiting[nxt] -= 1
        if waiting[nxt] == 0:
            heapq.heappush(ready, nxt)
print(" ".join(map(str, order)) if len(order) == n else -1)
'''

WRONG = [
    ("WA: Kahn's algorithm with a plain queue gives a valid order, but not the smallest one", r'''
from collections import deque

n, m = map(int, input().split())
after = [[] for _ in range(n + 1)]
waiting = [0] * (n + 1)
for _ in range(m):
    a, b = map(int, input().split())
    after[a].append(b)
    waiting[b] += 1
queue = deque(c for c in range(1, n + 1) if waiting[c] == 0)
order = []
while queue:
    course = queue.popleft()
    order.append(course)
    for nxt in after[course]:
        waiting[nxt] -= 1
        if waiting[nxt] == 0:
            queue.append(nxt)
print(*order) if len(order) == n else print(-1)
'''),
    ("TLE: scans all courses for the smallest available one at every step, O(n^2)", r'''
n, m = map(int, input().split())
after = [[] for _ in range(n + 1)]
waiting = [0] * (n + 1)
for _ in range(m):
    a, b = map(int, input().split())
    after[a].append(b)
    waiting[b] += 1
taken = [False] * (n + 1)
order = []
for _ in range(n):
    pick = -1
    for c in range(1, n + 1):
        if not taken[c] and waiting[c] == 0:
            pick = c
            break
    if pick == -1:
        break
    taken[pick] = True
    order.append(pick)
    for nxt in after[pick]:
        waiting[nxt] -= 1
print(*order) if len(order) == n else print(-1)
'''),
]
