NAME = "Snake Case"
DIFFICULTY = 1
RATING = 900
TAGS = ["strings", "implementation"]
TIME_LIMIT = 1

STATEMENT = r"""
The RLEF Studio code base is being moved from one style guide to another, and every identifier must be renamed from camel case to snake case.

An identifier is a non-empty string of Latin letters. It is split into words as follows: every uppercase letter starts a new word, and the first letter of the identifier always starts a word. For example, "parseHTTPRequest" consists of the words "parse", "H", "T", "T", "P", "Request", and "Main" is a single word.

The snake-case form of the identifier is its words written in lowercase and joined with single underscores.

Input

The only line contains the identifier: a string of 1 to 100 uppercase and lowercase Latin letters.

Output

In the first line print the number of words. In the second line print the snake-case form of the identifier.
"""

PUBLIC_INPUTS = ["helloWorld\n", "parseHTTPRequest\n"]


def gen_private_inputs(rng):
    letters = "abcdefghijklmnopqrstuvwxyz"
    tests = ["a\n", "Z\n", "Main\n", "ABC\n", "getX\n", "XmlHttpRequest\n", "aBcDeF\n", "nochangeneeded\n"]
    tests.append("".join(rng.choice(letters + letters.upper()) for _ in range(100)) + "\n")
    tests.append("".join(rng.choice(letters.upper()) for _ in range(100)) + "\n")
    words = [rng.choice(letters).upper() + "".join(rng.choice(letters) for _ in range(rng.randint(0, 6))) for _ in range(8)]
    tests.append("".join(words)[:100] + "\n")
    tests.append(words[0].lower() + "".join(words[1:])[:90] + "\n")
    return tests


def validate(text):
    s = text.strip()
    assert text == s + "\n" and 1 <= len(s) <= 100 and s.isascii() and s.isalpha()


REFERENCE = r'''
s = input().strip()
words = []
for ch in s:
    if ch.isupper() or not words:
        words.append(ch.lower())
    else:
        words[-1] += ch
print(len(words))
print("_".join(words))
'''

WRONG = [
    ("WA: puts an underscore before every capital, so an identifier that starts with one gets a leading underscore", r'''
import re

s = input().strip()
snake = re.sub(r"([A-Z])", r"_\1", s).lower()
print(snake.count("_") + 1)
print(snake)
'''),
    ("WA: keeps runs of capitals together as one acronym word, which the statement does not ask for", r'''
import re

s = input().strip()
words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+", s)
print(len(words))
print("_".join(w.lower() for w in words))
'''),
]
