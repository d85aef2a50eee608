"""Supervised fine-tuning on successful trajectories: the paper's Table 3 baseline (App. A.3)."""
