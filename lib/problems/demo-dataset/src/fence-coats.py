NAME = "Fence Coats"
DIFFICULTY = 2
RATING = 1300
TAGS = ["data structures", "implementation", "prefix sums"]
TIME_LIMIT = 1

STATEMENT = r"""
A fence consists of n planks numbered from 1 to n. During the volunteer day, m volunteers painted it: the i-th volunteer applied one coat of paint to every plank from l_i to r_i inclusive. Different volunteers may paint the same plank, and each of them adds a coat.

The paint is only durable if a plank has exactly k coats. How many planks have exactly k coats?

Input

The first line contains three integers n, m and k (1 ≤ n ≤ 10^6, 1 ≤ m ≤ 10^5, 0 ≤ k ≤ m).

Each of the next m lines contains two integers l_i and r_i (1 ≤ l_i ≤ r_i ≤ n).

Output

Print one integer: the number of planks with exactly k coats.
"""

NOTE = r"""
In the first example the planks get 1, 2, 2, 1, 0 and 1 coats, so three planks have exactly one coat.
"""

PUBLIC_INPUTS = ["6 3 1\n1 3\n2 4\n6 6\n", "5 2 0\n1 5\n2 3\n"]


def fmt(n, k, segments):
    return f"{n} {len(segments)} {k}\n" + "".join(f"{l} {r}\n" for l, r in segments)


def segment(rng, n, max_len=None):
    length = rng.randint(1, max_len or n)
    left = rng.randint(1, n - length + 1)
    return left, left + length - 1


def gen_private_inputs(rng):
    tests = [
        fmt(1, 1, [(1, 1)]),
        fmt(1, 0, [(1, 1)]),
        fmt(10, 0, [(1, 10)]),
        fmt(10, 2, [(1, 5), (5, 10)]),  # the shared end plank is the only one with two coats
        fmt(10, 1, [(3, 3), (3, 3), (4, 4)]),
        fmt(7, 3, [(1, 7)] * 3),
    ]
    n = 50
    tests.append(fmt(n, 2, [segment(rng, n, 10) for _ in range(30)]))
    n = 1000
    tests.append(fmt(n, 3, [segment(rng, n) for _ in range(200)]))
    n = 10**6
    tests.append(fmt(n, 0, [segment(rng, n, 1000) for _ in range(5000)]))
    # Long segments: adding coats plank by plank takes billions of steps here.
    tests.append(fmt(n, 1000, [segment(rng, n) for _ in range(3000)]))
    tests.append(fmt(n, 1, [(1, n)] + [(i, i) for i in range(1, 2001)]))
    tests.append(fmt(n, 2000, [(1, n)] * 2000))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    n, m, k = values[:3]
    assert 1 <= n <= 10**6 and 1 <= m <= 10**5 and 0 <= k <= m and len(values) == 3 + 2 * m
    for l, r in zip(values[3::2], values[4::2]):
        assert 1 <= l <= r <= n


REFERENCE = r'''
import sys
from itertools import accumulate

data = sys.stdin.buffer.read().split()
n, m, k = int(data[0]), int(data[1]), int(data[2])
delta = [0] * (n + 2)
for i in range(m):
    l, r = int(data[3 + 2 * i]), int(data[4 + 2 * i])
    delta[l] += 1
    delta[r + 1] -= 1
coats = list(accumulate(delta[1:n + 1]))
print(coats.count(k))
'''

WRONG = [
    ("TLE: paints every plank of every segment, O(n·m) in the worst case", r'''
n, m, k = map(int, input().split())
coats = [0] * (n + 1)
for _ in range(m):
    l, r = map(int, input().split())
    for plank in range(l, r + 1):
        coats[plank] += 1
print(sum(1 for plank in range(1, n + 1) if coats[plank] == k))
'''),
    ("WA: difference array closes each segment one plank early (r treated as exclusive)", r'''
import sys

data = sys.stdin.read().split()
n, m, k = int(data[0]), int(data[1]), int(data[2])
delta = [0] * (n + 2)
for i in range(m):
    l, r = int(data[3 + 2 * i]), int(data[4 + 2 * i])
    delta[l] += 1
    delta[r] -= 1
count = 0
current = 0
for plank in range(1, n + 1):
    current += delta[plank]
    if current == k:
        count += 1
print(count)
'''),
]
