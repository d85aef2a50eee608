NAME = "Rotation Password"
DIFFICULTY = 1
RATING = 1200
TAGS = ["strings"]
TIME_LIMIT = 1

STATEMENT = r"""
Alice's password manager stores a password s. To make a shoulder-surfer's life harder, it never displays s directly: instead it performs k left rotations first, where one left rotation moves the first character of the string to its end. For example, two left rotations turn "rlefstudio" into "efstudiorl".

Bob has seen a displayed string t. Find the minimum number k ≥ 0 of left rotations that turn s into t, or report that t cannot be displayed for the password s.

Input

The first line contains the password s and the second line contains the string t. Both are non-empty strings of at most 10^5 lowercase Latin letters; their lengths may differ.

Output

Print the minimum number of left rotations, or -1 if no number of rotations turns s into t.
"""

PUBLIC_INPUTS = ["rlefstudio\nefstudiorl\n", "abc\nacb\n", "aaaa\naaaa\n"]


def word(rng, length, alphabet="abcdefghijklmnopqrstuvwxyz"):
    return "".join(rng.choice(alphabet) for _ in range(length))


def rotate(s, k):
    return s[k:] + s[:k]


def gen_private_inputs(rng):
    tests = ["a\na\n", "a\nb\n", "ab\nba\n", "abab\nab\n", "abab\nbaba\n", "abc\nabcabc\n", "ab\nb\n"]
    s = word(rng, 20000, "ab")
    tests.append(s + "\n" + rotate(s, 17777) + "\n")
    s = word(rng, 20000)
    tests.append(s + "\n" + s[8000:12000] + "\n")  # a substring of s + s, but too short
    s = word(rng, 5000, "xy")
    t = rotate(s, 1234)
    tests.append(s + "\n" + t[:-1] + ("x" if t[-1] == "y" else "y") + "\n")
    s = "ab" * 2000
    tests.append(s + "\n" + rotate(s, 3) + "\n")
    return tests


def validate(text):
    lines = text.split("\n")
    assert len(lines) == 3 and lines[2] == ""
    for w in lines[:2]:
        assert 1 <= len(w) <= 10**5 and w.isascii() and w.isalpha() and w.islower()


REFERENCE = r'''
s = input().strip()
t = input().strip()
if len(s) != len(t):
    print(-1)
else:
    print((s + s).find(t))
'''

WRONG = [
    ("WA: looks t up in s + s without checking that the lengths are equal", r'''
s = input().strip()
t = input().strip()
print((s + s).find(t))
'''),
]
