NAME = "Bracket Depth"
DIFFICULTY = 1
RATING = 1000
TAGS = ["implementation", "strings"]
TIME_LIMIT = 1

STATEMENT = r"""
A bracket sequence is a string of characters '(' and ')'. It is called correct if brackets can be matched in pairs so that every pair is an opening bracket followed, somewhere to its right, by a closing one, and pairs are properly nested: for example, "(()())" and "()" are correct, while ")(" and "(()" are not.

The depth of a correct bracket sequence is the maximum number of pairs that enclose one position: the depth of "()()" is 1 and the depth of "(()(()))" is 3.

Given a bracket sequence, print its depth if it is correct, and -1 otherwise.

Input

The only line contains a non-empty bracket sequence of length at most 10^5.

Output

Print the depth of the sequence, or -1 if it is not correct.
"""

PUBLIC_INPUTS = ["(()(()))\n", "(()\n"]


def random_correct(rng, pairs):
    out, open_count, left = [], 0, pairs
    while left or open_count:
        if left and (open_count == 0 or rng.random() < 0.5):
            out.append("(")
            open_count += 1
            left -= 1
        else:
            out.append(")")
            open_count -= 1
    return "".join(out)


def gen_private_inputs(rng):
    tests = ["()\n", ")\n", "(\n", ")(\n", "())(()\n", "()()()\n", "(" * 50000 + ")" * 50000 + "\n"]
    tests.append("()" * 5000 + "\n")
    correct = random_correct(rng, 8000)
    tests.append(correct + "\n")
    # Balanced in total but dips below zero halfway.
    tests.append(correct + ")(" + correct + "\n")
    tests.append(random_correct(rng, 500)[:-1] + "\n")
    tests.append(random_correct(rng, 10) + "\n")
    return tests


def validate(text):
    s = text.strip()
    assert text == s + "\n" and 1 <= len(s) <= 10**5 and set(s) <= set("()")


REFERENCE = r'''
s = input().strip()
balance = depth = 0
for ch in s:
    balance += 1 if ch == "(" else -1
    if balance < 0:
        print(-1)
        break
    depth = max(depth, balance)
else:
    print(depth if balance == 0 else -1)
'''

WRONG = [
    ("WA: only checks that the counts of '(' and ')' are equal, missing a prefix that closes too early", r'''
s = input().strip()
balance = depth = 0
for ch in s:
    if ch == "(":
        balance += 1
    else:
        balance -= 1
    depth = max(depth, balance)
print(depth if balance == 0 else -1)
'''),
]
