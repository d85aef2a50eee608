NAME = "Palindrome Clock"
DIFFICULTY = 1
RATING = 1000
TAGS = ["brute force", "implementation"]
TIME_LIMIT = 1

STATEMENT = r"""
The clock in the RLEF Studio kitchen shows the time as HH:MM in the 24-hour format, from 00:00 to 23:59. After 23:59 it shows 00:00 again.

A moment is called lucky if the four digits HHMM read the same from left to right and from right to left: for example, 12:21, 05:50 and 00:00 are lucky, and 12:12 is not.

For each of t given moments, find the first lucky moment that comes strictly after it.

Input

The first line contains one integer t (1 ≤ t ≤ 1440), the number of moments.

Each of the next t lines contains a moment in the format HH:MM (00 ≤ HH ≤ 23, 00 ≤ MM ≤ 59).

Output

For each moment print the first lucky moment strictly after it, in the format HH:MM.
"""

NOTE = r"""
After 12:00 the clock shows 12:01, 12:02, …, and 12:21 is the first of them whose digits 1221 form a palindrome.
"""

PUBLIC_INPUTS = ["3\n12:00\n05:49\n21:13\n"]


def clock(minute):
    return f"{minute // 60:02d}:{minute % 60:02d}"


def fmt(minutes):
    return f"{len(minutes)}\n" + "".join(clock(m) + "\n" for m in minutes)


def gen_private_inputs(rng):
    every = list(range(1440))
    shuffled = every[:]
    rng.shuffle(shuffled)
    return [
        fmt([0]),
        fmt([1439]),
        fmt([12 * 60 + 21]),  # lucky itself: the answer must be strictly later
        fmt([23 * 60 + 32, 23 * 60 + 31, 23 * 60 + 33]),
        fmt([5 * 60 + 50, 15 * 60 + 51, 22 * 60 + 22]),
        fmt([9 * 60 + 59, 10 * 60, 10 * 60 + 1]),
        fmt(every),
        fmt(shuffled),
        fmt(rng.sample(every, 20)),
        fmt([rng.randrange(23 * 60, 1440) for _ in range(15)]),
        fmt([rng.randrange(1440) for _ in range(100)]),
    ]


def validate(text):
    lines = text.split("\n")
    t = int(lines[0])
    assert 1 <= t <= 1440 and len(lines) == t + 2 and lines[-1] == ""
    for line in lines[1:-1]:
        assert len(line) == 5 and line[2] == ":"
        assert 0 <= int(line[:2]) <= 23 and 0 <= int(line[3:]) <= 59


REFERENCE = r'''
import sys

def lucky(minute):
    digits = f"{minute // 60:02d}{minute % 60:02d}"
    return digits == digits[::-1]

data = sys.stdin.read().split()
answers = []
for moment in data[1:]:
    minute = int(moment[:2]) * 60 + int(moment[3:])
    minute = (minute + 1) % 1440
    while not lucky(minute):
        minute = (minute + 1) % 1440
    answers.append(f"{minute // 60:02d}:{minute % 60:02d}")
print("\n".join(answers))
'''

WRONG = [
    ("WA: starts searching at the given moment itself, so a lucky moment maps to itself", r'''
import sys

def lucky(minute):
    digits = f"{minute // 60:02d}{minute % 60:02d}"
    return digits == digits[::-1]

data = sys.stdin.read().split()
for moment in data[1:]:
    minute = int(moment[:2]) * 60 + int(moment[3:])
    while not lucky(minute):
        minute = (minute + 1) % 1440
    print(f"{minute // 60:02d}:{minute % 60:02d}")
'''),
    ("RE: never wraps past midnight, so the list of later lucky moments is empty after 23:32", r'''
t = int(input())
for _ in range(t):
    hh, mm = map(int, input().split(":"))
    now = hh * 60 + mm
    later = [m for m in range(now + 1, 24 * 60)
             if f"{m // 60:02d}{m % 60:02d}" == f"{m // 60:02d}{m % 60:02d}"[::-1]]
    m = later[0]
    print(f"{m // 60:02d}:{m % 60:02d}")
'''),
]
