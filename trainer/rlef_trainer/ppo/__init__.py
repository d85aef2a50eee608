"""RLEF's PPO (RLEF.md §3–4). Depends on the model interface only; never imports transformers."""
