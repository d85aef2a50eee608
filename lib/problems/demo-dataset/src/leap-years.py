NAME = "Leap Years"
DIFFICULTY = 1
RATING = 1100
TAGS = ["math", "number theory"]
TIME_LIMIT = 1

STATEMENT = r"""
The Gregorian calendar is extended to all positive years. A year is a leap year if it is divisible by 4, except for years divisible by 100, which are leap years only if they are also divisible by 400. So 2024 and 2000 are leap years, while 1900 and 2023 are not.

Answer t questions: how many leap years are there from year a to year b inclusive?

Input

The first line contains one integer t (1 ≤ t ≤ 10^4).

Each of the next t lines contains two integers a and b (1 ≤ a ≤ b ≤ 10^{18}).

Output

For each question print the number of leap years on a separate line.
"""

PUBLIC_INPUTS = ["3\n2024 2024\n1900 1900\n2001 2010\n"]

LIMIT = 10**18


def fmt(pairs):
    return f"{len(pairs)}\n" + "".join(f"{a} {b}\n" for a, b in pairs)


def gen_private_inputs(rng):
    tests = [
        fmt([(1, 1)]),
        fmt([(2000, 2000)]),
        fmt([(1600, 2400)]),
        fmt([(1, LIMIT)]),
        fmt([(LIMIT, LIMIT), (LIMIT - 400, LIMIT)]),
        fmt([(1, 3), (4, 4), (100, 100), (400, 400), (1, 400)]),
    ]
    small = []
    for _ in range(2000):
        a = rng.randint(1, 3000)
        small.append((a, a + rng.randint(0, 500)))
    tests.append(fmt(small))
    centuries = [(c * 100, c * 100) for c in range(1, 101)]
    tests.append(fmt(centuries))
    wide = []
    for _ in range(100):
        a = rng.randint(1, LIMIT)
        wide.append((a, rng.randint(a, LIMIT)))
    tests.append(fmt(wide))
    tests.append(fmt([(rng.randint(1, 10**9), rng.randint(10**9, 10**12)) for _ in range(10)]))
    tests.append(fmt([(400 * k + 1, 400 * k + 399) for k in range(2000)]))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    t = values[0]
    assert 1 <= t <= 10**4 and len(values) == 2 * t + 1
    for a, b in zip(values[1::2], values[2::2]):
        assert 1 <= a <= b <= LIMIT


REFERENCE = r'''
import sys

def leaps_up_to(year):
    return year // 4 - year // 100 + year // 400

data = list(map(int, sys.stdin.read().split()))
out = []
for i in range(data[0]):
    a, b = data[1 + 2 * i], data[2 + 2 * i]
    out.append(leaps_up_to(b) - leaps_up_to(a - 1))
print("\n".join(map(str, out)))
'''

WRONG = [
    ("TLE: checks every year of the range one by one", r'''
t = int(input())
for _ in range(t):
    a, b = map(int, input().split())
    count = 0
    for year in range(a, b + 1):
        if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
            count += 1
    print(count)
'''),
    ("WA: forgets that years divisible by 400 are leap years again", r'''
t = int(input())
for _ in range(t):
    a, b = map(int, input().split())
    def leaps(y):
        return y // 4 - y // 100
    print(leaps(b) - leaps(a - 1))
'''),
]
