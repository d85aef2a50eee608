NAME = "Shuttle Trips"
DIFFICULTY = 1
RATING = 900
TAGS = ["greedy", "implementation"]
TIME_LIMIT = 1

STATEMENT = r"""
After the conference, n groups of guests queue for the shuttle to the train station. The i-th group from the front has g_i people. The shuttle has c seats.

The shuttle is loaded as follows. Groups board strictly in queue order. A group boards only if all of its members fit into the free seats; groups never split. As soon as the group at the front of the queue does not fit (or the queue is empty), the shuttle leaves, drops everybody at the station and comes back empty.

How many trips does the shuttle make until every guest is at the station?

Input

The first line contains two integers n and c (1 ≤ n ≤ 1000, 1 ≤ c ≤ 10^9).

The second line contains n integers g_1, g_2, …, g_n (1 ≤ g_i ≤ c).

Output

Print one integer: the number of trips.
"""

NOTE = r"""
In the first example the shuttle takes groups 1 and 2 in the first trip and groups 3 and 4 in the second one.
"""

PUBLIC_INPUTS = ["4 3\n1 2 1 2\n", "3 10\n10 10 10\n"]


def fmt(c, groups):
    return f"{len(groups)} {c}\n{' '.join(map(str, groups))}\n"


def gen_private_inputs(rng):
    tests = [
        fmt(1, [1]),
        fmt(10**9, [10**9]),
        fmt(5, [3, 3, 3]),
        fmt(10, [6, 5, 5, 4, 1]),
        fmt(7, [1] * 7),
        fmt(10**9, [1] * 1000),
        fmt(10**9, [10**9 // 2 + 1] * 1000),
        fmt(100, [rng.randint(40, 60) for _ in range(1000)]),
    ]
    for c in (3, 10, 1000):
        tests.append(fmt(c, [rng.randint(1, c) for _ in range(rng.randint(1, 1000))]))
    tests.append(fmt(12, [5, 7, 4, 4, 4, 12, 1, 11, 6, 6]))
    return tests


def validate(text):
    lines = text.split("\n")
    n, c = map(int, lines[0].split())
    groups = list(map(int, lines[1].split()))
    assert 1 <= n <= 1000 and 1 <= c <= 10**9 and len(groups) == n
    assert all(1 <= g <= c for g in groups)


REFERENCE = r'''
n, c = map(int, input().split())
groups = list(map(int, input().split()))
trips, free = 1, c
for g in groups:
    if g > free:
        trips += 1
        free = c
    free -= g
print(trips)
'''

WRONG = [
    ("WA: divides the total number of people by the capacity, as if groups could split", r'''
n, c = map(int, input().split())
groups = list(map(int, input().split()))
total = sum(groups)
print((total + c - 1) // c)
'''),
]
