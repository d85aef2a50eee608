NAME = "Ceiling Tiles"
DIFFICULTY = 1
RATING = 800
TAGS = ["math"]
TIME_LIMIT = 1

STATEMENT = r"""
The new RLEF Studio office has a rectangular ceiling that is w centimeters wide and h centimeters long. It will be covered with square acoustic panels of side a centimeters.

Panels are mounted in a grid whose lines are parallel to the walls, starting from one corner of the room. A panel may stick out past a wall (the protruding part is simply cut off and thrown away), but panels may not overlap and cannot be rotated. The whole ceiling must be covered.

What is the minimum number of panels needed?

Input

The only line contains three integers w, h and a (1 ≤ w, h, a ≤ 10^{18}).

Output

Print one integer: the minimum number of panels.
"""

NOTE = r"""
In the first example two columns and two rows of panels are needed; the panels of the second row and the second column stick out by 2 centimeters.
"""

PUBLIC_INPUTS = ["6 6 4\n", "10 3 1\n", "1 1 1000000000000000000\n"]

LIMIT = 10**18


def gen_private_inputs(rng):
    tests = [
        "1 1 1\n",
        f"{LIMIT} {LIMIT} 1\n",
        f"{LIMIT - 1} 1 1\n",
        f"{LIMIT} {LIMIT} {LIMIT - 1}\n",
        f"{LIMIT - 1} {LIMIT - 3} 2\n",
        "12 8 4\n",
        "7 13 100\n",
    ]
    for _ in range(3):
        tests.append(f"{rng.randint(1, 1000)} {rng.randint(1, 1000)} {rng.randint(1, 50)}\n")
    for _ in range(3):
        a = rng.randint(1, 10**9)
        tests.append(f"{rng.randint(LIMIT // 2, LIMIT)} {rng.randint(1, LIMIT)} {a}\n")
    return tests


def validate(text):
    w, h, a = map(int, text.split())
    assert all(1 <= v <= LIMIT for v in (w, h, a))


REFERENCE = r'''
w, h, a = map(int, input().split())
print(((w + a - 1) // a) * ((h + a - 1) // a))
'''

WRONG = [
    ("WA: float division loses precision for values above 2^53", r'''
import math

w, h, a = map(int, input().split())
print(math.ceil(w / a) * math.ceil(h / a))
'''),
    ("WA: (w + a) // a over-counts when a divides the side exactly", r'''
w, h, a = map(int, input().split())
print(((w + a) // a) * ((h + a) // a))
'''),
]
