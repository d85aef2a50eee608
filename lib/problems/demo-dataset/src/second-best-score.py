NAME = "Second Best Score"
DIFFICULTY = 1
RATING = 800
TAGS = ["sortings", "implementation"]
TIME_LIMIT = 1

STATEMENT = r"""
n contestants took part in a practice round and the i-th of them scored a_i points. The organizers want to congratulate the runners-up: everyone whose score is the second highest among the distinct scores.

Print the second highest distinct score. If all contestants have the same score, there are no runners-up: print -1.

Input

The first line contains one integer n (1 ≤ n ≤ 1000).

The second line contains n integers a_1, a_2, …, a_n (-10^9 ≤ a_i ≤ 10^9).

Output

Print the second highest distinct score, or -1 if it does not exist.
"""

NOTE = r"""
In the first example the distinct scores are 9, 4, 3 and 1, so the answer is 4 even though two contestants share the top score.
"""

PUBLIC_INPUTS = ["5\n3 9 1 9 4\n", "3\n-5 -2 -7\n"]


def fmt(scores):
    return f"{len(scores)}\n{' '.join(map(str, scores))}\n"


def gen_private_inputs(rng):
    big = 10**9
    tests = [
        fmt([7]),
        fmt([5, 5]),
        fmt([-big] * 1000),
        fmt([big, -big]),
        fmt([-1, -1, -1, -2]),
        fmt([0, 0, 0, 0, 1]),
        fmt([big] * 999 + [big - 1]),
    ]
    for n, spread in ((10, 3), (1000, 5), (1000, big), (200, 1)):
        tests.append(fmt([rng.randint(-spread, spread) for _ in range(n)]))
    return tests


def validate(text):
    lines = text.split("\n")
    n = int(lines[0])
    scores = list(map(int, lines[1].split()))
    assert 1 <= n <= 1000 and len(scores) == n and all(-10**9 <= a <= 10**9 for a in scores)


REFERENCE = r'''
n = int(input())
distinct = sorted(set(map(int, input().split())))
print(distinct[-2] if len(distinct) >= 2 else -1)
'''

WRONG = [
    ("RE: indexes [-2] of the distinct scores without checking that two exist", r'''
n = int(input())
scores = sorted(set(map(int, input().split())))
print(scores[-2])
'''),
    ("WA: sorts all scores and takes the second from the top, ignoring ties", r'''
n = int(input())
scores = sorted(map(int, input().split()))
if n < 2:
    print(-1)
else:
    print(scores[-2])
'''),
]
