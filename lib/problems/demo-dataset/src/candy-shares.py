NAME = "Candy Shares"
DIFFICULTY = 3
RATING = 2100
TAGS = ["combinatorics", "math", "number theory"]
TIME_LIMIT = 2

STATEMENT = r"""
A teacher has n identical candies and k children. She wants to hand out all the candies so that every child gets at least one. Two ways are different if some child gets a different number of candies.

Answer q such questions. Since the answers can be huge, print them modulo 998244353 (a prime number).

Input

The first line contains one integer q (1 ≤ q ≤ 10^5).

Each of the next q lines contains two integers n and k (1 ≤ n, k ≤ 5·10^5).

Output

For each question print the number of ways modulo 998244353. If the candies cannot be handed out, print 0.
"""

NOTE = r"""
With 4 candies and 2 children the shares are (1, 3), (2, 2) and (3, 1).
"""

PUBLIC_INPUTS = ["3\n4 2\n5 5\n7 3\n"]

LIMIT = 5 * 10**5


def fmt(pairs):
    return f"{len(pairs)}\n" + "".join(f"{n} {k}\n" for n, k in pairs)


def gen_private_inputs(rng):
    tests = [
        fmt([(1, 1)]),
        fmt([(1, 2)]),  # more children than candies
        fmt([(3, 5), (2, 3), (5, 6)]),
        fmt([(LIMIT, 1), (LIMIT, LIMIT), (LIMIT, 2)]),
        fmt([(LIMIT, LIMIT // 2)]),
        fmt([(1, LIMIT)]),
        fmt([(n, k) for n in range(1, 21) for k in range(1, 21)]),
        fmt([(rng.randint(1, 1000), rng.randint(1, 1000)) for _ in range(500)]),
        fmt([(rng.randint(1, LIMIT), rng.randint(1, LIMIT)) for _ in range(800)]),
    ]
    # Many questions about big numbers: computing each binomial coefficient from scratch is too slow.
    many = []
    for _ in range(1500):
        n = rng.randint(LIMIT // 2, LIMIT)
        many.append((n, rng.randint(n // 4, n // 2)))
    tests.append(fmt(many))
    tests.append(fmt([(LIMIT - i, LIMIT // 2 - i) for i in range(3000)]))
    return tests


def validate(text):
    values = list(map(int, text.split()))
    q = values[0]
    assert 1 <= q <= 10**5 and len(values) == 1 + 2 * q
    assert all(1 <= v <= LIMIT for v in values[1:])


REFERENCE = r'''
import sys

MOD = 998244353
data = list(map(int, sys.stdin.buffer.read().split()))
q = data[0]
top = max(data[1::2])
fact = [1] * (top + 1)
for i in range(1, top + 1):
    fact[i] = fact[i - 1] * i % MOD
inv = [1] * (top + 1)
inv[top] = pow(fact[top], MOD - 2, MOD)
for i in range(top, 0, -1):
    inv[i - 1] = inv[i] * i % MOD
out = []
for i in range(q):
    n, k = data[1 + 2 * i], data[2 + 2 * i]
    # Stars and bars: choose k - 1 of the n - 1 gaps between candies.
    out.append(fact[n - 1] * inv[k - 1] % MOD * inv[n - k] % MOD if k <= n else 0)
sys.stdout.write("\n".join(map(str, out)) + "\n")
'''

WRONG = [
    ("WA: no check for more children than candies, so a negative index silently reads the table from the end", r'''
import sys

MOD = 998244353
data = list(map(int, sys.stdin.read().split()))
q = data[0]
N = 5 * 10**5
fact = [1] * (N + 1)
for i in range(1, N + 1):
    fact[i] = fact[i - 1] * i % MOD
inv = [1] * (N + 1)
inv[N] = pow(fact[N], MOD - 2, MOD)
for i in range(N, 0, -1):
    inv[i - 1] = inv[i] * i % MOD
out = []
for i in range(q):
    n, k = data[1 + 2 * i], data[2 + 2 * i]
    out.append(fact[n - 1] * inv[k - 1] % MOD * inv[n - k] % MOD)
print("\n".join(map(str, out)))
'''),
    ("TLE: math.comb on huge numbers for every question, then the modulo", r'''
import math

q = int(input())
for _ in range(q):
    n, k = map(int, input().split())
    print(math.comb(n - 1, k - 1) % 998244353)
'''),
]
