"""RLEF's PPO (docs/method.md §4–6). Depends on the model interface only; never imports transformers."""
