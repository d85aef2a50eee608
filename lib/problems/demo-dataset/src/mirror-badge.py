NAME = "Mirror Badge"
DIFFICULTY = 1
RATING = 800
TAGS = ["strings", "implementation"]
TIME_LIMIT = 1

STATEMENT = r"""
Every visitor of the RLEF Studio open day receives a badge with a word printed on it. Mira collects badges, but only palindromic ones: words that read the same from left to right and from right to left.

Mira has a marker and in one operation she can overwrite any single letter of a badge with any other lowercase Latin letter. What is the minimum number of operations needed to turn the word on her badge into a palindrome?

Input

The only line contains a non-empty string s of at most 1000 lowercase Latin letters.

Output

Print one integer: the minimum number of operations.
"""

NOTE = r"""
In the first example it is enough to replace the second letter with 'c' (or the fourth letter with 'b').

In the third example only the first and the last letters differ.
"""

PUBLIC_INPUTS = ["abcca\n", "racecar\n", "xyzzyq\n"]


def random_word(rng, length, alphabet="abcdefghijklmnopqrstuvwxyz"):
    return "".join(rng.choice(alphabet) for _ in range(length))


def gen_private_inputs(rng):
    tests = ["a\n", "ab\n", "aa\n", "abba\n", "abca\n", "abcd\n", "a" * 1000 + "\n"]
    # Even length with the two middle letters different: the classic place to count a pair twice.
    half = random_word(rng, 499)
    tests.append(half + "xy" + half[::-1] + "\n")
    tests.append(random_word(rng, 1000) + "\n")
    tests.append(random_word(rng, 999, "ab") + "\n")
    tests.append(random_word(rng, 2, "pq") + random_word(rng, 6) + "\n")
    tests.append(random_word(rng, 37) + "\n")
    return tests


def validate(text):
    s = text.strip()
    assert text == s + "\n" and 1 <= len(s) <= 1000 and s.isalpha() and s.islower()


REFERENCE = r'''
s = input().strip()
n = len(s)
print(sum(1 for i in range(n // 2) if s[i] != s[n - 1 - i]))
'''

WRONG = [
    ("WA: loop runs one step too far and counts the middle pair of an even-length word twice", r'''
s = input().strip()
n = len(s)
changes = 0
for i in range(n // 2 + 1):
    if s[i] != s[n - 1 - i]:
        changes += 1
print(changes)
'''),
]
