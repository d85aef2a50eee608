NAME = "Toll Roads"
DIFFICULTY = 2
RATING = 1800
TAGS = ["graphs", "shortest paths"]
TIME_LIMIT = 1

STATEMENT = r"""
The country has n cities connected by m two-way roads. The i-th road connects cities u_i and v_i, and driving along it in either direction costs a toll of w_i coins. There may be several roads between the same pair of cities.

A delivery van must drive from city 1 to city n. What is the minimum total toll it has to pay?

Input

The first line contains two integers n and m (2 ≤ n ≤ 10^5, 0 ≤ m ≤ 2·10^5).

Each of the next m lines contains three integers u_i, v_i and w_i (1 ≤ u_i, v_i ≤ n, u_i ≠ v_i, 1 ≤ w_i ≤ 10^9).

Output

Print the minimum total toll, or -1 if city n cannot be reached from city 1.
"""

NOTE = r"""
In the first example the route 1 → 2 → 3 → 4 costs 1 + 2 + 1 = 4 coins, cheaper than the direct road 1 → 4.
"""

PUBLIC_INPUTS = ["4 4\n1 2 1\n2 3 2\n3 4 1\n1 4 10\n", "3 1\n1 2 5\n"]


def fmt(n, roads):
    return f"{n} {len(roads)}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in roads)


def random_roads(rng, n, m, max_w):
    roads = []
    for _ in range(m):
        u = rng.randint(1, n)
        v = rng.randint(1, n - 1)
        roads.append((u, v if v < u else v + 1, rng.randint(1, max_w)))
    return roads


def gen_private_inputs(rng):
    big = 10**9
    tests = [
        fmt(2, []),
        fmt(2, [(1, 2, big)]),
        fmt(2, [(2, 1, 7), (1, 2, 3)]),  # roads can be listed in either direction, and repeated
        fmt(3, [(3, 2, 1), (2, 1, 1)]),
        fmt(5, [(1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 5, 1), (1, 5, 5)]),
        fmt(5, [(1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 5, 1), (1, 5, 3)]),
        fmt(4, [(1, 2, 1), (3, 4, 1)]),
    ]
    chain = 3000
    tests.append(fmt(chain, [(i + 1, i, big) for i in range(1, chain)]))
    tests.append(fmt(50, random_roads(rng, 50, 120, 20)))
    tests.append(fmt(2000, random_roads(rng, 2000, 3000, 1000)))
    # A cheap long detour beside expensive shortcuts: fewest roads is not cheapest.
    n = 2000
    detour = [(i, i + 1, 1) for i in range(1, n)]
    shortcuts = [(rng.randint(1, n - 50), rng.randint(n - 49, n), rng.randint(n, big)) for _ in range(500)]
    tests.append(fmt(n, detour + shortcuts))
    tests.append(fmt(2000, random_roads(rng, 2000, 2500, big)))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    n, m = values[:2]
    assert 2 <= n <= 10**5 and 0 <= m <= 2 * 10**5 and len(values) == 2 + 3 * m
    for i in range(m):
        u, v, w = values[2 + 3 * i: 5 + 3 * i]
        assert 1 <= u <= n and 1 <= v <= n and u != v and 1 <= w <= 10**9


REFERENCE = r'''
import heapq
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n, m = data[0], data[1]
adj = [[] for _ in range(n + 1)]
for i in range(m):
    u, v, w = data[2 + 3 * i], data[3 + 3 * i], data[4 + 3 * i]
    adj[u].append((v, w))
    adj[v].append((u, w))
INF = float("inf")
dist = [INF] * (n + 1)
dist[1] = 0
heap = [(0, 1)]
while heap:
    d, u = heapq.heappop(heap)
    if d > dist[u]:
        continue
    for v, w in adj[u]:
        if d + w < dist[v]:
            dist[v] = d + w
            heapq.heappush(heap, (d + w, v))
print(dist[n] if dist[n] < INF else -1)
'''

WRONG = [
    ("WA: breadth-first search finds the route with the fewest roads, not the cheapest one", r'''
from collections import deque

n, m = map(int, input().split())
adj = [[] for _ in range(n + 1)]
for _ in range(m):
    u, v, w = map(int, input().split())
    adj[u].append((v, w))
    adj[v].append((u, w))
cost = [-1] * (n + 1)
cost[1] = 0
queue = deque([1])
while queue:
    u = queue.popleft()
    for v, w in adj[u]:
        if cost[v] == -1:
            cost[v] = cost[u] + w
            queue.append(v)
print(cost[n])
'''),
    ("WA: stores every road in one direction only, as if roads were one-way", r'''
import heapq

n, m = map(int, input().split())
adj = [[] for _ in range(n + 1)]
for _ in range(m):
    u, v, w = map(int, input().split())
    adj[u].append((v, w))
dist = [None] * (n + 1)
heap = [(0, 1)]
while heap:
    d, u = heapq.heappop(heap)
    if dist[u] is not None:
        continue
    dist[u] = d
    for v, w in adj[u]:
        if dist[v] is None:
            heapq.heappush(heap, (d + w, v))
print(dist[n] if dist[n] is not None else -1)
'''),
]
