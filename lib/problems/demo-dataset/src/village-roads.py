NAME = "Village Roads"
DIFFICULTY = 3
RATING = 2200
TAGS = ["dfs and similar", "dp", "trees"]
TIME_LIMIT = 2

STATEMENT = r"""
n villages are connected by n - 1 roads so that every village can reach every other one; every road is 1 kilometer long. The council wants to choose a village for the new market and, for every candidate village v, estimates the total travel distance: the sum of the road distances from v to each of the other villages.

Print this total for every village.

Input

The first line contains one integer n (1 ≤ n ≤ 10^5).

Each of the next n - 1 lines contains two integers u and v (1 ≤ u, v ≤ n, u ≠ v): a road between villages u and v. The roads connect all villages.

Output

Print n integers: the total distances for villages 1, 2, …, n.
"""

NOTE = r"""
In the first example village 2 is 1 kilometer away from each of the others, so its total is 3, while village 1 is 1 kilometer from village 2 and 2 kilometers from villages 3 and 4: 1 + 2 + 2 = 5.
"""

PUBLIC_INPUTS = ["4\n1 2\n2 3\n2 4\n", "1\n"]


def fmt(n, edges):
    return f"{n}\n" + "".join(f"{u} {v}\n" for u, v in edges)


def relabel(rng, n, edges):
    label = list(range(1, n + 1))
    rng.shuffle(label)
    out = [(label[u - 1], label[v - 1]) for u, v in edges]
    return [(v, u) if rng.random() < 0.5 else (u, v) for u, v in out]


def random_tree(rng, n, spread):
    # Parent of node i is among the `spread` previous nodes: small spread gives deep trees.
    return [(rng.randint(max(1, i - spread), i - 1), i) for i in range(2, n + 1)]


def gen_private_inputs(rng):
    return [
        fmt(2, [(1, 2)]),
        fmt(3, [(3, 1), (1, 2)]),
        fmt(5, [(1, 2), (2, 3), (3, 4), (4, 5)]),
        fmt(6, [(1, i) for i in range(2, 7)]),
        fmt(7, relabel(rng, 7, random_tree(rng, 7, 7))),
        fmt(200, relabel(rng, 200, random_tree(rng, 200, 200))),
        fmt(1000, relabel(rng, 1000, random_tree(rng, 1000, 3))),
        # A long path: recursion depth reaches n.
        fmt(2000, relabel(rng, 2000, [(i, i + 1) for i in range(1, 2000)])),
        # Large trees where a search from every village is far too slow.
        fmt(8000, relabel(rng, 8000, random_tree(rng, 8000, 5))),
        fmt(3000, relabel(rng, 3000, random_tree(rng, 3000, 3000))),
        fmt(4000, [(1, i) for i in range(2, 4001)]),
    ]


def validate(text):
    values = list(map(int, text.split()))
    n = values[0]
    assert 1 <= n <= 10**5 and len(values) == 1 + 2 * (n - 1)
    parent = list(range(n + 1))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in zip(values[1::2], values[2::2]):
        assert 1 <= u <= n and 1 <= v <= n and u != v
        a, b = find(u), find(v)
        assert a != b, "the roads must form a tree"
        parent[a] = b


REFERENCE = r'''
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n = data[0]
adj = [[] for _ in range(n + 1)]
for i in range(n - 1):
    u, v = data[1 + 2 * i], data[2 + 2 * i]
    adj[u].append(v)
    adj[v].append(u)
# Iterative DFS order from village 1 (recursion would overflow on a long path).
parent = [0] * (n + 1)
order = [1]
parent[1] = -1
for u in order:
    for v in adj[u]:
        if v != parent[u]:
            parent[v] = u
            order.append(v)
size = [1] * (n + 1)
depth_sum = [0] * (n + 1)  # sum of distances from u to the villages in its subtree
for u in reversed(order):
    p = parent[u]
    if p > 0:
        size[p] += size[u]
        depth_sum[p] += depth_sum[u] + size[u]
total = [0] * (n + 1)
total[1] = depth_sum[1]
for u in order[1:]:
    # Moving the market from the parent to u brings size[u] villages 1 km closer and the rest 1 km farther.
    total[u] = total[parent[u]] - size[u] + (n - size[u])
sys.stdout.write(" ".join(map(str, total[1:])) + "\n")
'''

WRONG = [
    ("TLE: breadth-first search from every village, O(n^2)", r'''
from collections import deque

n = int(input())
adj = [[] for _ in range(n + 1)]
for _ in range(n - 1):
    u, v = map(int, input().split())
    adj[u].append(v)
    adj[v].append(u)
answer = []
for s in range(1, n + 1):
    dist = [-1] * (n + 1)
    dist[s] = 0
    queue = deque([s])
    while queue:
        u = queue.popleft()
        for v in adj[u]:
            if dist[v] < 0:
                dist[v] = dist[u] + 1
                queue.append(v)
    answer.append(sum(dist[1:]))
print(*answer)
'''),
    ("RE: recursive DFS exceeds Python's recursion limit on a long path", r'''
n = int(input())
adj = [[] for _ in range(n + 1)]
for _ in range(n - 1):
    u, v = map(int, input().split())
    adj[u].append(v)
    adj[v].append(u)
size = [1] * (n + 1)
down = [0] * (n + 1)
total = [0] * (n + 1)

def collect(u, p):
    for v in adj[u]:
        if v != p:
            collect(v, u)
            size[u] += size[v]
            down[u] += down[v] + size[v]

def spread(u, p):
    for v in adj[u]:
        if v != p:
            total[v] = total[u] - size[v] + (n - size[v])
            spread(v, u)

collect(1, 0)
total[1] = down[1]
spread(1, 0)
print(*total[1:])
'''),
]
