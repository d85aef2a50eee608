NAME = "Orchard Paths"
DIFFICULTY = 3
RATING = 1900
TAGS = ["combinatorics", "dp"]
TIME_LIMIT = 2

STATEMENT = r"""
An orchard is an n × m grid of cells. Some cells contain a tree ('#'), the others are free ('.'). A gardener enters at the top-left cell (1, 1) and leaves at the bottom-right cell (n, m). From any cell she may only go one cell down or one cell to the right, and she can never enter a cell with a tree.

Count the different routes from the top-left cell to the bottom-right cell. As the answer can be huge, print it modulo 10^9 + 7. If the entrance or the exit cell has a tree, there are no routes.

Input

The first line contains two integers n and m (1 ≤ n, m ≤ 500).

Each of the next n lines contains m characters '.' or '#'.

Output

Print the number of routes modulo 10^9 + 7.
"""

NOTE = r"""
In the first example the tree in the middle leaves two routes: along the top row and down the right column, or down the left column and along the bottom row.
"""

PUBLIC_INPUTS = ["3 3\n...\n.#.\n...\n", "2 4\n....\n....\n"]


def fmt(rows):
    return f"{len(rows)} {len(rows[0])}\n" + "".join(row + "\n" for row in rows)


def random_rows(rng, n, m, tree_share):
    rows = [["#" if rng.random() < tree_share else "." for _ in range(m)] for _ in range(n)]
    rows[0][0] = rows[-1][-1] = "."
    return ["".join(row) for row in rows]


def gen_private_inputs(rng):
    return [
        fmt(["."]),
        fmt(["#"]),
        fmt(["#.", ".."]),  # the entrance itself has a tree
        fmt(["..", ".#"]),  # so does the exit
        fmt([".#", "#."]),
        fmt(["." * 500]),
        fmt(["."] * 500),
        fmt(random_rows(rng, 8, 9, 0.2)),
        fmt(random_rows(rng, 60, 40, 0.1)),
        fmt(["." * 300] * 300),
        fmt(random_rows(rng, 200, 200, 0.05)),
        fmt(random_rows(rng, 100, 300, 0.1)),
    ]


def validate(text):
    lines = text.split("\n")
    n, m = map(int, lines[0].split())
    assert 1 <= n <= 500 and 1 <= m <= 500 and len(lines) == n + 2 and lines[-1] == ""
    assert all(len(row) == m and set(row) <= set(".#") for row in lines[1:-1])


REFERENCE = r'''
import sys

MOD = 10**9 + 7
data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
rows = data[2:2 + n]
ways = [0] * m
ways[0] = 1
for row in rows:
    left = 0
    for c in range(m):
        if row[c] == "#":
            ways[c] = 0
        else:
            ways[c] = (ways[c] + left) % MOD
        left = ways[c]
print(ways[m - 1])
'''

WRONG = [
    ("WA: counts the routes exactly but forgets to print them modulo 10^9 + 7", r'''
n, m = map(int, input().split())
rows = [input() for _ in range(n)]
ways = [[0] * m for _ in range(n)]
for r in range(n):
    for c in range(m):
        if rows[r][c] == "#":
            continue
        if r == 0 and c == 0:
            ways[r][c] = 1
            continue
        up = ways[r - 1][c] if r > 0 else 0
        left = ways[r][c - 1] if c > 0 else 0
        ways[r][c] = up + left
print(ways[n - 1][m - 1])
'''),
    ("WA: seeds the entrance with one route before looking at the grid, so a tree there is ignored", r'''
MOD = 10**9 + 7
n, m = map(int, input().split())
rows = [input() for _ in range(n)]
ways = [[0] * m for _ in range(n)]
ways[0][0] = 1
for r in range(n):
    for c in range(m):
        if (r, c) == (0, 0):
            continue
        if rows[r][c] == "#":
            continue
        total = 0
        if r > 0:
            total += ways[r - 1][c]
        if c > 0:
            total += ways[r][c - 1]
        ways[r][c] = total % MOD
print(ways[n - 1][m - 1])
'''),
]
