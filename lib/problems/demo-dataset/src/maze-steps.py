NAME = "Maze Steps"
DIFFICULTY = 2
RATING = 1400
TAGS = ["graphs", "shortest paths", "dfs and similar"]
TIME_LIMIT = 1

STATEMENT = r"""
A robot is placed in a warehouse that is drawn as a grid of n rows and m columns. Each cell is either free ('.'), a shelf ('#'), the robot's start ('S') or the charging station ('E'); there is exactly one 'S' and exactly one 'E', and both are free cells.

In one step the robot moves to a free cell that shares a side with its current cell. It cannot leave the grid or enter a shelf.

Find the minimum number of steps the robot needs to reach the charging station, or report that it is impossible.

Input

The first line contains two integers n and m (1 ≤ n, m ≤ 300, n·m ≥ 2).

Each of the next n lines contains m characters, each of them '.', '#', 'S' or 'E'.

Output

Print the minimum number of steps, or -1 if the robot cannot reach the charging station.
"""

PUBLIC_INPUTS = ["3 4\nS.#.\n.##E\n....\n", "1 2\nSE\n"]


def fmt(grid):
    return f"{len(grid)} {len(grid[0])}\n" + "".join("".join(row) + "\n" for row in grid)


def random_grid(rng, n, m, wall_share):
    grid = [["#" if rng.random() < wall_share else "." for _ in range(m)] for _ in range(n)]
    cells = rng.sample(range(n * m), 2)
    grid[cells[0] // m][cells[0] % m] = "S"
    grid[cells[1] // m][cells[1] % m] = "E"
    return grid


def serpentine(n, m):
    # Walls with alternating gaps force one long winding corridor.
    grid = [["." for _ in range(m)] for _ in range(n)]
    for r in range(1, n, 2):
        for c in range(m):
            grid[r][c] = "#"
        grid[r][m - 1 if (r // 2) % 2 == 0 else 0] = "."
    grid[0][0] = "S"
    last = n - 1 if (n - 1) % 2 == 0 else n - 2
    grid[last][m - 1 if (last // 2) % 2 == 0 else 0] = "E"
    return grid


def gen_private_inputs(rng):
    tests = [
        fmt(["S", "E"]),
        fmt(["S#E"]),
        fmt(["S.", "#.", "E#"]),
        fmt(["S.#", "..#", "##E"]),  # unreachable
        fmt(["E" + "." * 298 + "S"]),
        fmt(random_grid(rng, 10, 10, 0.3)),
        fmt(random_grid(rng, 50, 70, 0.35)),
        fmt(serpentine(300, 300)),
        fmt(random_grid(rng, 150, 200, 0.2)),
    ]
    walled = random_grid(rng, 150, 150, 0.1)
    for c in range(150):
        walled[75][c] = "#"
    for r, row in enumerate(walled):
        for c, ch in enumerate(row):
            if ch in "SE":
                row[c] = "."
    walled[0][0], walled[149][149] = "S", "E"
    tests.append(fmt(walled))
    open_grid = [["."] * 300 for _ in range(200)]
    open_grid[0][0], open_grid[199][299] = "S", "E"
    tests.append(fmt(open_grid))
    return tests


def validate(text):
    lines = text.split("\n")
    n, m = map(int, lines[0].split())
    assert 1 <= n <= 300 and 1 <= m <= 300 and n * m >= 2 and len(lines) == n + 2 and lines[-1] == ""
    rows = lines[1:-1]
    assert all(len(row) == m and set(row) <= set(".#SE") for row in rows)
    joined = "".join(rows)
    assert joined.count("S") == 1 and joined.count("E") == 1


REFERENCE = r'''
import sys
from collections import deque

data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
grid = "".join(data[2:2 + n])
start, end = grid.index("S"), grid.index("E")
dist = [-1] * (n * m)
dist[start] = 0
queue = deque([start])
while queue:
    cell = queue.popleft()
    r, c = divmod(cell, m)
    for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
        if 0 <= nr < n and 0 <= nc < m:
            nxt = nr * m + nc
            if dist[nxt] == -1 and grid[nxt] != "#":
                dist[nxt] = dist[cell] + 1
                queue.append(nxt)
print(dist[end])
'''

WRONG = [
    ("RE: reads the distance of 'E' from a dict that has no entry when it is unreachable (KeyError)", r'''
from collections import deque

n, m = map(int, input().split())
grid = [input() for _ in range(n)]
for r in range(n):
    for c in range(m):
        if grid[r][c] == "S":
            start = (r, c)
        elif grid[r][c] == "E":
            end = (r, c)
dist = {start: 0}
queue = deque([start])
while queue:
    r, c = queue.popleft()
    for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
        if 0 <= nr < n and 0 <= nc < m and grid[nr][nc] != "#" and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[(r, c)] + 1
            queue.append((nr, nc))
print(dist[end])
'''),
    ("WA: only walks on '.' cells, so the 'E' cell itself is treated as blocked", r'''
from collections import deque

n, m = map(int, input().split())
grid = [input() for _ in range(n)]
start = end = None
for r in range(n):
    for c in range(m):
        if grid[r][c] == "S":
            start = (r, c)
        if grid[r][c] == "E":
            end = (r, c)
seen = {start: 0}
queue = deque([start])
while queue:
    r, c = queue.popleft()
    for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
        if 0 <= nr < n and 0 <= nc < m and grid[nr][nc] == "." and (nr, nc) not in seen:
            seen[(nr, nc)] = seen[(r, c)] + 1
            queue.append((nr, nc))
print(seen.get(end, -1))
'''),
]
