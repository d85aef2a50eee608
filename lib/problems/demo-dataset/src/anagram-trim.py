NAME = "Anagram Trim"
DIFFICULTY = 1
RATING = 1000
TAGS = ["strings", "implementation"]
TIME_LIMIT = 1

STATEMENT = r"""
Two words are anagrams of each other if one can be obtained from the other by rearranging its letters; in particular, two empty words are anagrams.

You are given two words a and b. You may delete any letters from either of them. What is the minimum total number of letters you have to delete so that the remaining words are anagrams of each other?

Input

The first line contains the word a and the second line contains the word b. Each word consists of 1 to 10^5 lowercase Latin letters.

Output

Print one integer: the minimum total number of deleted letters.
"""

NOTE = r"""
In the second example delete one 'a' and the 'n' from "anagram" and one 'r' and one 'm' from "grammar": both words then consist of the letters of "agram".
"""

PUBLIC_INPUTS = ["listen\nsilent\n", "anagram\ngrammar\n"]


def word(rng, length, alphabet="abcdefghijklmnopqrstuvwxyz"):
    return "".join(rng.choice(alphabet) for _ in range(length))


def gen_private_inputs(rng):
    tests = [
        "a\na\n",
        "a\nb\n",
        "abc\nxyz\n",
        "aaa\naaaaa\n",
        "abc\nabcxyz\n",  # letters that appear only in the second word
        "zzzz\nz\n",
    ]
    tests.append(word(rng, 20000) + "\n" + word(rng, 20000) + "\n")
    tests.append("a" * 10**5 + "\n" + "b" + "\n")
    tests.append(word(rng, 1000, "abc") + "\n" + word(rng, 1200, "abcdef") + "\n")
    tests.append(word(rng, 30) + "\n" + word(rng, 5) + "\n")
    tests.append(word(rng, 7, "xyz") + "\n" + word(rng, 300, "mnoxyz") + "\n")
    return tests


def validate(text):
    lines = text.split("\n")
    assert len(lines) == 3 and lines[2] == ""
    for w in lines[:2]:
        assert 1 <= len(w) <= 10**5 and w.isascii() and w.isalpha() and w.islower()


REFERENCE = r'''
from collections import Counter

a = Counter(input().strip())
b = Counter(input().strip())
print(sum(abs(a[ch] - b[ch]) for ch in set(a) | set(b)))
'''

WRONG = [
    ("WA: only looks at the letters of the first word, missing letters that appear only in the second", r'''
a = input().strip()
b = input().strip()
deleted = 0
for ch in set(a):
    deleted += abs(a.count(ch) - b.count(ch))
print(deleted)
'''),
]
