"""Plot the learning check's curves: solve rate after turn 1 and after turn 2 per training step."""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

data = json.load(open(sys.argv[1]))
fig, ax = plt.subplots(figsize=(7, 4), dpi=120)
for key, label, colour in [("solvedAfterTurn1", "solved after turn 1 (no information: chance is 10%)", "#9ca3af"),
                           ("solvedAfterTurn2", "solved after turn 2 (feedback reveals N)", "#2563eb")]:
    points = data[key]
    ax.plot([p["step"] for p in points], [100 * p["value"] for p in points], label=label, color=colour, linewidth=2)
ax.axhline(10, color="#9ca3af", linestyle=":", linewidth=1)
ax.set_xlabel("PPO step")
ax.set_ylabel("episodes solved (%)")
ax.set_ylim(0, 100)
ax.set_title(f"RLEF learning check: {data['episodesPerStep']} episodes/step, real worker + sandbox + trainer")
ax.legend(loc="upper left", fontsize=8)
ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig(sys.argv[2])
