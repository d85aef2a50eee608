NAME = "Island Count"
DIFFICULTY = 3
RATING = 2000
TAGS = ["dsu", "data structures", "graphs"]
TIME_LIMIT = 2

STATEMENT = r"""
A map editor shows an n × m grid that is initially all water. The designer performs q operations; the i-th operation turns the cell in row r_i and column c_i into land. A cell may be chosen again even if it already is land (then nothing changes).

An island is a maximal group of land cells connected through shared sides. After every operation, print the number of islands on the map.

Input

The first line contains three integers n, m and q (1 ≤ n, m ≤ 1000, 1 ≤ q ≤ 10^5).

Each of the next q lines contains two integers r_i and c_i (1 ≤ r_i ≤ n, 1 ≤ c_i ≤ m).

Output

Print q integers: the number of islands after each operation.
"""

NOTE = r"""
In the first example the third operation creates a second island, and the fourth one, (1, 3), touches both (1, 2) and (2, 3), merging everything into one island.
"""

PUBLIC_INPUTS = ["2 3 4\n1 1\n1 2\n2 3\n1 3\n", "3 3 3\n2 2\n2 2\n1 1\n"]


def fmt(n, m, cells):
    return f"{n} {m} {len(cells)}\n" + "".join(f"{r} {c}\n" for r, c in cells)


def gen_private_inputs(rng):
    tests = [
        fmt(1, 1, [(1, 1)]),
        fmt(1, 1, [(1, 1), (1, 1), (1, 1)]),
        fmt(1, 5, [(1, 1), (1, 3), (1, 5), (1, 2), (1, 4)]),
        fmt(3, 3, [(1, 1), (1, 3), (3, 1), (3, 3), (2, 2), (1, 2), (2, 1), (2, 3), (3, 2)]),
        fmt(2, 2, [(1, 1), (2, 2), (1, 1), (2, 2), (1, 2)]),  # diagonal cells are separate islands
        fmt(1000, 1000, [(1000, 1000), (1, 1), (1000, 1)]),
    ]
    tests.append(fmt(5, 5, [(rng.randint(1, 5), rng.randint(1, 5)) for _ in range(30)]))
    tests.append(fmt(30, 40, [(rng.randint(1, 30), rng.randint(1, 40)) for _ in range(800)]))
    # Re-adding land that is already there must not create islands.
    tests.append(fmt(10, 10, [(rng.randint(1, 10), rng.randint(1, 10)) for _ in range(300)]))
    # Big maps and many operations: recounting the islands after each one is far too slow.
    tests.append(fmt(150, 150, [(rng.randint(1, 150), rng.randint(1, 150)) for _ in range(8000)]))
    checker = [(r, c) for r in range(1, 81) for c in range(1, 81) if (r + c) % 2 == 0]
    rng.shuffle(checker)
    fill = [(r, c) for r in range(1, 81) for c in range(1, 81) if (r + c) % 2 == 1]
    rng.shuffle(fill)
    tests.append(fmt(80, 80, checker + fill))
    tests.append(fmt(1000, 1000, [(rng.randint(1, 1000), rng.randint(1, 1000)) for _ in range(2000)]))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    n, m, q = values[:3]
    assert 1 <= n <= 1000 and 1 <= m <= 1000 and 1 <= q <= 10**5 and len(values) == 3 + 2 * q
    for r, c in zip(values[3::2], values[4::2]):
        assert 1 <= r <= n and 1 <= c <= m


REFERENCE = r'''
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n, m, q = data[0], data[1], data[2]
parent = list(range(n * m))
land = bytearray(n * m)

def find(x):
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:
        parent[x], x = root, parent[x]
    return root

islands = 0
out = []
for i in range(q):
    r, c = data[3 + 2 * i] - 1, data[4 + 2 * i] - 1
    cell = r * m + c
    if not land[cell]:
        land[cell] = 1
        islands += 1
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if 0 <= nr < n and 0 <= nc < m and land[nr * m + nc]:
                a, b = find(cell), find(nr * m + nc)
                if a != b:
                    parent[a] = b
                    islands -= 1
    out.append(islands)
sys.stdout.write("\n".join(map(str, out)) + "\n")
'''

WRONG = [
    ("WA: counts a new island for every operation, even when the cell already was land", r'''
import sys

data = list(map(int, sys.stdin.read().split()))
n, m, q = data[0], data[1], data[2]
parent = {}

def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x

islands = 0
out = []
for i in range(q):
    cell = (data[3 + 2 * i], data[4 + 2 * i])
    parent[cell] = cell
    islands += 1
    r, c = cell
    for other in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
        if other in parent:
            a, b = find(cell), find(other)
            if a != b:
                parent[a] = b
                islands -= 1
    out.append(islands)
print("\n".join(map(str, out)))
'''),
    ("TLE: recounts the islands with a flood fill after every operation", r'''
from collections import deque

n, m, q = map(int, input().split())
land = set()
for _ in range(q):
    r, c = map(int, input().split())
    land.add((r, c))
    seen = set()
    islands = 0
    for start in land:
        if start in seen:
            continue
        islands += 1
        seen.add(start)
        queue = deque([start])
        while queue:
            x, y = queue.popleft()
            for nxt in ((x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)):
                if nxt in land and nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
    print(islands)
'''),
]
