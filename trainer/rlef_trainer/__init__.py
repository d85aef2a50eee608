"""RLEF trainer: one process that serves the policy (OpenAI-compatible) and trains it with RLEF's PPO.

The PPO core (`rlef_trainer.ppo`) depends only on the model interface in `rlef_trainer.model.interface`;
`transformers`/`peft` are imported lazily by `rlef_trainer.model.hf` and nowhere else.
"""

__version__ = "0.1.0"
