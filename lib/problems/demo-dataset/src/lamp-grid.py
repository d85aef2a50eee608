NAME = "Lamp Grid"
DIFFICULTY = 2
RATING = 1700
TAGS = ["math", "number theory"]
TIME_LIMIT = 1

STATEMENT = r"""
The facade of a new building is decorated with an n × n grid of lamps; rows and columns are numbered from 1 to n. On the opening night the lamp in row i and column j is switched on if and only if i · j ≤ n.

How many lamps are switched on?

Input

The only line contains one integer n (1 ≤ n ≤ 10^{12}).

Output

Print one integer: the number of lamps that are switched on.
"""

NOTE = r"""
For n = 4 the lamps (1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2), (3, 1) and (4, 1) are on.
"""

PUBLIC_INPUTS = ["4\n", "10\n"]


def gen_private_inputs(rng):
    tests = [1, 2, 3, 99, 100, 1000, 10**12, 10**12 - 1, 999999000001, rng.randint(10**6, 10**9), rng.randint(10**9, 10**12)]
    tests.append(rng.randint(1, 10**5))
    return [f"{n}\n" for n in tests]


def validate(text):
    n = int(text)
    assert text == f"{n}\n" and 1 <= n <= 10**12


REFERENCE = r'''
from math import isqrt

n = int(input())
root = isqrt(n)
# Pairs (i, j) with i * j <= n are symmetric; count those with i <= root or j <= root,
# subtracting the root x root square counted twice.
print(2 * sum(n // i for i in range(1, root + 1)) - root * root)
'''

WRONG = [
    ("TLE: sums n // i over every row i, O(n) for n up to 10^12", r'''
n = int(input())
total = 0
for i in range(1, n + 1):
    total += n // i
print(total)
'''),
    ("WA: uses the symmetry trick but forgets to subtract the square counted twice", r'''
from math import isqrt

n = int(input())
root = isqrt(n)
print(2 * sum(n // i for i in range(1, root + 1)) - root)
'''),
]
