NAME = "Next Taller"
DIFFICULTY = 2
RATING = 1500
TAGS = ["data structures"]
TIME_LIMIT = 1

STATEMENT = r"""
n towers stand in a row from west to east; the i-th tower is h_i meters tall. A signal fired from the top of a tower travels east and is caught by the first tower that is strictly taller than the sender.

For every tower, find how many towers to the east the catching tower stands, that is j - i for the catching tower j, or 0 if no tower to the east of tower i is strictly taller.

Input

The first line contains one integer n (1 ≤ n ≤ 2·10^5).

The second line contains n integers h_1, h_2, …, h_n (1 ≤ h_i ≤ 10^9).

Output

Print n integers: the answers for towers 1, 2, …, n.
"""

NOTE = r"""
In the first example the signal of tower 2 (height 1) is caught by tower 3, and the signal of tower 3 (height 4) is caught by tower 5, two towers to the east.
"""

PUBLIC_INPUTS = ["5\n3 1 4 2 5\n", "3\n9 8 7\n"]


def fmt(heights):
    return f"{len(heights)}\n{' '.join(map(str, heights))}\n"


def gen_private_inputs(rng):
    big = 10**9
    return [
        fmt([1]),
        fmt([5, 5]),  # equal height does not catch the signal
        fmt([2, 2, 3]),
        fmt([1, 2, 3, 4, 5]),
        fmt([big, 1, big]),
        fmt([4, 4, 1, 4, 5, 4, 4]),
        fmt([rng.randint(1, 5) for _ in range(40)]),
        fmt([rng.randint(1, big) for _ in range(1000)]),
        # Equal towers: scanning east from each tower walks to the end every time, O(n^2).
        fmt([7] * 30000),
        fmt([rng.randint(1, 3) for _ in range(8000)] + [9]),
        fmt(list(range(5000, 0, -1))),
    ]


def validate(text):
    values = list(map(int, text.split()))
    n = values[0]
    assert 1 <= n <= 2 * 10**5 and len(values) == n + 1 and all(1 <= h <= 10**9 for h in values[1:])


REFERENCE = r'''
import sys

data = list(map(int, sys.stdin.buffer.read().split()))
n, h = data[0], data[1:]
answer = [0] * n
waiting = []  # indices whose signal is not caught yet; their heights never increase along the stack
for j in range(n):
    while waiting and h[waiting[-1]] < h[j]:
        i = waiting.pop()
        answer[i] = j - i
    waiting.append(j)
sys.stdout.write(" ".join(map(str, answer)) + "\n")
'''

WRONG = [
    ("TLE: scans east from every tower until a taller one appears, O(n^2) on equal heights", r'''
n = int(input())
h = list(map(int, input().split()))
answer = []
for i in range(n):
    distance = 0
    for j in range(i + 1, n):
        if h[j] > h[i]:
            distance = j - i
            break
    answer.append(distance)
print(*answer)
'''),
    ("WA: monotonic stack pops on >=, so a tower of equal height catches the signal", r'''
n = int(input())
h = list(map(int, input().split()))
answer = [0] * n
stack = []
for j in range(n):
    while stack and h[stack[-1]] <= h[j]:
        i = stack.pop()
        answer[i] = j - i
    stack.append(j)
print(*answer)
'''),
]
