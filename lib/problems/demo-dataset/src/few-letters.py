NAME = "Few Letters"
DIFFICULTY = 2
RATING = 1500
TAGS = ["strings", "two pointers"]
TIME_LIMIT = 1

STATEMENT = r"""
A font designer is testing a new typeface that, for now, contains at most k different letters. She takes a long text s and wants to print the longest fragment of it (a substring: consecutive characters) that uses no more than k different letters.

Find the length of the longest substring of s that contains at most k distinct letters.

Input

The first line contains one integer k (1 ≤ k ≤ 26).

The second line contains the string s of 1 to 2·10^5 lowercase Latin letters.

Output

Print one integer: the maximum length of a substring of s with at most k distinct letters.
"""

NOTE = r"""
In the first example the substring "abbb" uses only the letters 'a' and 'b'; no substring of length 5 uses fewer than three letters.
"""

PUBLIC_INPUTS = ["2\nabbbcdd\n", "3\naaaa\n"]


def word(rng, length, alphabet="abcdefghijklmnopqrstuvwxyz"):
    return "".join(rng.choice(alphabet) for _ in range(length))


def gen_private_inputs(rng):
    tests = [
        "1\na\n",
        "26\nz\n",
        "1\nab\n",
        "2\nabcb\n",  # restarting the window at 'c' would miss "bcb"
        "2\nabaccc\n",
        "3\nabcabcabcd\n",
        "1\n" + "ab" * 100 + "\n",
        "26\n" + "abcdefghijklmnopqrstuvwxyz" * 4 + "\n",
    ]
    tests.append("3\n" + word(rng, 2000, "abcdef") + "\n")
    tests.append("2\n" + word(rng, 50, "abc") + "\n")
    # The whole string qualifies: expanding from every start costs O(n^2).
    tests.append("26\n" + word(rng, 60000) + "\n")
    tests.append("4\n" + word(rng, 30000, "abcd") + word(rng, 30000, "efgh") + "\n")
    tests.append("5\n" + word(rng, 40000, "abcdefg") + "\n")
    return tests


def validate(text):
    lines = text.split("\n")
    assert len(lines) == 3 and lines[2] == ""
    k = int(lines[0])
    s = lines[1]
    assert 1 <= k <= 26 and 1 <= len(s) <= 2 * 10**5 and s.isascii() and s.isalpha() and s.islower()


REFERENCE = r'''
import sys

k = int(sys.stdin.readline())
s = sys.stdin.readline().strip()
count = [0] * 26
distinct = left = best = 0
codes = [ord(ch) - 97 for ch in s]
for right, code in enumerate(codes):
    if count[code] == 0:
        distinct += 1
    count[code] += 1
    while distinct > k:
        gone = codes[left]
        count[gone] -= 1
        if count[gone] == 0:
            distinct -= 1
        left += 1
    if right - left + 1 > best:
        best = right - left + 1
print(best)
'''

WRONG = [
    ("TLE: extends a window from every start position, O(n^2) when long windows qualify", r'''
k = int(input())
s = input().strip()
best = 0
for start in range(len(s)):
    seen = set()
    end = start
    while end < len(s):
        seen.add(s[end])
        if len(seen) > k:
            break
        end += 1
    best = max(best, end - start)
print(best)
'''),
    ("WA: when a (k+1)-th letter appears, restarts the window at that letter instead of shrinking it", r'''
k = int(input())
s = input().strip()
best = 0
letters = set()
length = 0
for ch in s:
    if ch not in letters and len(letters) == k:
        letters = {ch}
        length = 1
    else:
        letters.add(ch)
        length += 1
    best = max(best, length)
print(best)
'''),
]
