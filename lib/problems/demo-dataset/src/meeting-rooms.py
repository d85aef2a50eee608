NAME = "Meeting Rooms"
DIFFICULTY = 2
RATING = 1400
TAGS = ["greedy", "sortings"]
TIME_LIMIT = 1

STATEMENT = r"""
The RLEF Studio calendar lists n meetings for tomorrow. The i-th meeting starts at minute s_i and ends at minute e_i, occupying the half-open interval [s_i, e_i): a meeting that ends at minute x and a meeting that starts at minute x can use the same room one after the other.

Each meeting needs a room for its whole duration, and a room hosts at most one meeting at a time. What is the minimum number of rooms needed to hold all the meetings?

Input

The first line contains one integer n (1 ≤ n ≤ 2·10^5).

Each of the next n lines contains two integers s_i and e_i (0 ≤ s_i < e_i ≤ 10^9).

Output

Print one integer: the minimum number of rooms.
"""

NOTE = r"""
In the first example the meetings [1, 4) and [2, 5) overlap, and [6, 8) can reuse either room.
"""

PUBLIC_INPUTS = ["3\n1 4\n2 5\n6 8\n", "4\n0 10\n1 2\n3 4\n5 6\n"]


def fmt(meetings):
    return f"{len(meetings)}\n" + "".join(f"{s} {e}\n" for s, e in meetings)


def meeting(rng, horizon, max_len):
    start = rng.randint(0, horizon - 1)
    return start, min(horizon, start + rng.randint(1, max_len))


def gen_private_inputs(rng):
    tests = [
        fmt([(0, 1)]),
        fmt([(0, 10**9)] * 3),
        fmt([(1, 2), (2, 3), (3, 4)]),  # back to back: one room
        fmt([(0, 5), (5, 10), (0, 5), (5, 10)]),
        fmt([(i, i + 1) for i in range(1000)]),
        fmt([(10, 20), (20, 30), (15, 25), (25, 35), (30, 40)]),
    ]
    tests.append(fmt([meeting(rng, 100, 10) for _ in range(50)]))
    tests.append(fmt([meeting(rng, 1000, 50) for _ in range(2000)]))
    # Many meetings ending exactly when others start.
    grid = []
    for _ in range(12000):
        start = rng.randint(0, 99) * 10
        grid.append((start, start + 10 * rng.randint(1, 3)))
    tests.append(fmt(grid))
    tests.append(fmt([meeting(rng, 10**9, 10**7) for _ in range(3000)]))
    tests.append(fmt([(i, 12000 - i) for i in range(6000)]))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    n = values[0]
    assert 1 <= n <= 2 * 10**5 and len(values) == 1 + 2 * n
    for s, e in zip(values[1::2], values[2::2]):
        assert 0 <= s < e <= 10**9


REFERENCE = r'''
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n = data[0]
events = []
for i in range(n):
    events.append((data[1 + 2 * i], 1))
    events.append((data[2 + 2 * i], -1))
# At equal times the -1 (a meeting ending) sorts first, so its room is free for one starting then.
events.sort()
rooms = best = 0
for _, change in events:
    rooms += change
    best = max(best, rooms)
print(best)
'''

WRONG = [
    ("WA: at equal times processes starts before ends, treating back-to-back meetings as overlapping", r'''
import sys

data = list(map(int, sys.stdin.read().split()))
n = data[0]
events = []
for i in range(n):
    events.append((data[1 + 2 * i], 0))
    events.append((data[2 + 2 * i], 1))
events.sort()
rooms = best = 0
for _, kind in events:
    if kind == 0:
        rooms += 1
        best = max(best, rooms)
    else:
        rooms -= 1
print(best)
'''),
    ("TLE: for every meeting counts the meetings running at its start, O(n^2)", r'''
n = int(input())
meetings = [tuple(map(int, input().split())) for _ in range(n)]
best = 0
for s, _ in meetings:
    running = 0
    for a, b in meetings:
        if a <= s < b:
            running += 1
    best = max(best, running)
print(best)
'''),
]
