NAME = "Calm Stretch"
DIFFICULTY = 1
RATING = 900
TAGS = ["implementation", "two pointers"]
TIME_LIMIT = 1

STATEMENT = r"""
A weather station recorded the noon temperature on n consecutive days: t_1, t_2, …, t_n.

A stretch of consecutive days is called calm if the temperatures of every two neighbouring days in it differ by at most d degrees. A single day always forms a calm stretch.

Find the length of the longest calm stretch.

Input

The first line contains two integers n and d (1 ≤ n ≤ 1000, 0 ≤ d ≤ 200).

The second line contains n integers t_1, t_2, …, t_n (-100 ≤ t_i ≤ 100).

Output

Print one integer: the length of the longest calm stretch.
"""

NOTE = r"""
In the first example the longest calm stretch covers days 2 to 5: neighbouring temperatures differ by 2, 1 and 2 degrees.
"""

PUBLIC_INPUTS = ["6 2\n10 3 5 4 6 12\n", "4 0\n7 7 8 8\n"]


def fmt(n, d, temps):
    return f"{n} {d}\n{' '.join(map(str, temps))}\n"


def gen_private_inputs(rng):
    tests = [
        fmt(1, 0, [5]),
        fmt(1, 200, [-100]),
        fmt(2, 0, [3, 4]),
        fmt(2, 1, [3, 4]),
        fmt(5, 200, [-100, 100, -100, 100, -100]),
        fmt(5, 199, [-100, 100, -100, 100, -100]),
        fmt(1000, 0, [42] * 1000),
    ]
    walk = [0]
    for _ in range(999):
        walk.append(max(-100, min(100, walk[-1] + rng.randint(-3, 3))))
    tests.append(fmt(1000, 3, walk))
    tests.append(fmt(1000, 2, walk))
    for n, d in ((50, 5), (300, 10), (1000, 1)):
        tests.append(fmt(n, d, [rng.randint(-20, 20) for _ in range(n)]))
    return tests


def validate(text):
    lines = text.split("\n")
    n, d = map(int, lines[0].split())
    temps = list(map(int, lines[1].split()))
    assert 1 <= n <= 1000 and 0 <= d <= 200 and len(temps) == n
    assert all(-100 <= t <= 100 for t in temps)


REFERENCE = r'''
n, d = map(int, input().split())
t = list(map(int, input().split()))
best = current = 1
for i in range(1, n):
    current = current + 1 if abs(t[i] - t[i - 1]) <= d else 1
    best = max(best, current)
print(best)
'''

WRONG = [
    ("RE: max() of an empty list when there is only one day", r'''
n, d = map(int, input().split())
t = list(map(int, input().split()))
lengths = []
run = 0
for i in range(1, n):
    if abs(t[i] - t[i - 1]) <= d:
        run += 1
    else:
        run = 0
    lengths.append(run)
print(max(lengths) + 1)
'''),
    ("WA: strict comparison treats a difference of exactly d as a break", r'''
n, d = map(int, input().split())
t = list(map(int, input().split()))
best = current = 1
for i in range(1, n):
    if abs(t[i] - t[i - 1]) < d:
        current += 1
    else:
        current = 1
    best = max(best, current)
print(best)
'''),
]
