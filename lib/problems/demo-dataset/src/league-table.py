NAME = "League Table"
DIFFICULTY = 2
RATING = 1400
TAGS = ["implementation", "sortings"]
TIME_LIMIT = 1

STATEMENT = r"""
The office football league has n teams, and m matches have been played. A win gives the winner 3 points, a draw gives each team 1 point, and a loss gives nothing.

The league table lists all n teams ordered by:

  1. points, higher first;
  2. goal difference (goals scored minus goals conceded), higher first;
  3. goals scored, higher first;
  4. team name, in lexicographic (alphabetical) order.

Teams that have not played yet are in the table too, with zeros everywhere. Print the table.

Input

The first line contains two integers n and m (2 ≤ n ≤ 1000, 0 ≤ m ≤ 10^4).

The second line contains n distinct team names. Each name is a string of 1 to 10 lowercase Latin letters.

Each of the next m lines describes a match as "A B x y": team A played team B (A ≠ B, both among the n names) and the score was x : y, that is, A scored x goals and B scored y goals (0 ≤ x, y ≤ 20).

Output

Print n lines. The i-th line must contain the name of the team in place i, its points and its goal difference, separated by spaces.
"""

NOTE = r"""
In the first example "lions" and "owls" both have 4 points, but "lions" have the better goal difference.
"""

PUBLIC_INPUTS = [
    "3 3\nowls lions bears\nowls lions 1 1\nlions bears 3 0\nbears owls 1 2\n",
    "4 3\nred blue green gold\nred blue 2 0\ngreen gold 1 1\nblue gold 0 1\n",
]


def fmt(teams, matches):
    return (f"{len(teams)} {len(matches)}\n{' '.join(teams)}\n"
            + "".join(f"{a} {b} {x} {y}\n" for a, b, x, y in matches))


def team_names(rng, count):
    names = set()
    while len(names) < count:
        names.add("".join(rng.choice("abcdefghij") for _ in range(rng.randint(1, 10))))
    names = sorted(names)
    rng.shuffle(names)
    return names


def random_matches(rng, teams, count, max_goals):
    matches = []
    for _ in range(count):
        a, b = rng.sample(teams, 2)
        matches.append((a, b, rng.randint(0, max_goals), rng.randint(0, max_goals)))
    return matches


def gen_private_inputs(rng):
    tests = [
        fmt(["b", "a"], []),
        fmt(["b", "a"], [("b", "a", 0, 0)]),  # identical records: alphabetical order decides
        fmt(["x", "y", "z"], [("x", "y", 2, 1), ("z", "y", 1, 0)]),  # same points, goals scored decide
        fmt(["c", "b", "a", "d"], [("c", "b", 20, 20), ("a", "d", 0, 0)]),
        fmt(["idle", "one", "two"], [("one", "two", 1, 0)]),  # "idle" never played
        fmt(["aa", "a", "ab", "b"], [("aa", "a", 1, 1), ("ab", "b", 1, 1)]),
    ]
    for team_count, match_count, max_goals, active in ((4, 6, 2, 4), (20, 300, 1, 20), (1000, 4000, 20, 1000), (1000, 2000, 3, 500)):
        teams = team_names(rng, team_count)
        tests.append(fmt(teams, random_matches(rng, teams[:active], match_count, max_goals)))
    return tests


def validate(text):
    lines = text.split("\n")
    n, m = map(int, lines[0].split())
    teams = lines[1].split()
    assert 2 <= n <= 1000 and 0 <= m <= 10**4 and len(teams) == n == len(set(teams))
    assert all(1 <= len(t) <= 10 and t.isascii() and t.isalpha() and t.islower() for t in teams)
    assert len(lines) == m + 3 and lines[-1] == ""
    known = set(teams)
    for line in lines[2:-1]:
        a, b, x, y = line.split()
        assert a in known and b in known and a != b and 0 <= int(x) <= 20 and 0 <= int(y) <= 20


REFERENCE = r'''
import sys

lines = sys.stdin.read().split("\n")
n, m = map(int, lines[0].split())
teams = lines[1].split()
points = dict.fromkeys(teams, 0)
scored = dict.fromkeys(teams, 0)
conceded = dict.fromkeys(teams, 0)
for line in lines[2:2 + m]:
    a, b, x, y = line.split()
    x, y = int(x), int(y)
    scored[a] += x
    conceded[a] += y
    scored[b] += y
    conceded[b] += x
    if x > y:
        points[a] += 3
    elif x < y:
        points[b] += 3
    else:
        points[a] += 1
        points[b] += 1
table = sorted(teams, key=lambda t: (-points[t], -(scored[t] - conceded[t]), -scored[t], t))
print("\n".join(f"{t} {points[t]} {scored[t] - conceded[t]}" for t in table))
'''

WRONG = [
    ("WA: sorts the whole key with reverse=True, which also reverses the alphabetical tie-break", r'''
n, m = map(int, input().split())
teams = input().split()
stats = {t: [0, 0, 0] for t in teams}  # points, goal difference, goals scored
for _ in range(m):
    a, b, x, y = input().split()
    x, y = int(x), int(y)
    stats[a][1] += x - y
    stats[b][1] += y - x
    stats[a][2] += x
    stats[b][2] += y
    if x > y:
        stats[a][0] += 3
    elif y > x:
        stats[b][0] += 3
    else:
        stats[a][0] += 1
        stats[b][0] += 1
order = sorted(teams, key=lambda t: (stats[t][0], stats[t][1], stats[t][2], t), reverse=True)
for t in order:
    print(t, stats[t][0], stats[t][1])
'''),
    ("WA: builds the table from the match list only, so teams that have not played are missing", r'''
import sys

lines = sys.stdin.read().splitlines()
n, m = map(int, lines[0].split())
stats = {}
for line in lines[2:2 + m]:
    a, b, x, y = line.split()
    x, y = int(x), int(y)
    for team in (a, b):
        stats.setdefault(team, [0, 0, 0])
    stats[a][1] += x - y
    stats[b][1] += y - x
    stats[a][2] += x
    stats[b][2] += y
    if x > y:
        stats[a][0] += 3
    elif y > x:
        stats[b][0] += 3
    else:
        stats[a][0] += 1
        stats[b][0] += 1
order = sorted(stats, key=lambda t: (-stats[t][0], -stats[t][1], -stats[t][2], t))
for t in order:
    print(t, stats[t][0], stats[t][1])
'''),
]
