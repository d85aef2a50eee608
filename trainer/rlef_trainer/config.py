"""Training configuration: the paper's defaults, and the preset the built-in tiny model needs.

Paper (RLEF.md §4): AdamW lr 2e-7, weight decay 0.1, 50 warm-up steps, 1024 rollouts per batch in 4
updates of 256, training temperature 1.0, β = 0.05, ε = 0.2, value clip 0.2. On one GPU the batch is
scaled down (default 64 episodes in 4 minibatches). The tiny built-in model starts from random weights
and is ~10^4 times smaller than an 8B model: at lr 2e-7 it would not move, so its preset uses lr 1e-3.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Optional

ADVANTAGE_NORMALIZATIONS = ("token", "turn", "none")
VALUE_MODES = ("turn", "token")


@dataclass
class PPOConfig:
    lr: float = 2e-7
    critic_lr: Optional[float] = None  # None = same as lr (the paper gives one lr)
    weight_decay: float = 0.1
    warmup_updates: int = 50  # linear warm-up, counted in optimizer updates (the paper's "steps")
    adam_betas: tuple = (0.9, 0.999)
    adam_eps: float = 1e-8
    batch_episodes: int = 64  # paper: 1024 rollouts; scaled down for one GPU
    minibatches: int = 4  # paper: 4 updates per batch
    epochs: int = 1
    kl_beta: float = 0.05
    clip_eps: float = 0.2
    value_clip: float = 0.2
    grad_clip: float = 1.0
    train_temperature: float = 1.0  # for turns that do not say which temperature sampled them
    advantage_normalization: str = "token"  # whiten over the batch's action tokens ("turn": over turns)
    value_mode: str = "turn"  # "turn" = the paper; "token" = token-level value + GAE ablation
    gae_lambda: float = 1.0  # token mode only
    critic_warmup_updates: int = 0  # first N updates train only the critic
    micro_batch_tokens: int = 16384  # padded tokens per forward/backward (memory knob, not a hyper-parameter)
    seed: int = 0
    preset: str = "paper"

    def __post_init__(self) -> None:
        if self.advantage_normalization not in ADVANTAGE_NORMALIZATIONS:
            raise ValueError(f"advantage_normalization must be one of {ADVANTAGE_NORMALIZATIONS}")
        if self.value_mode not in VALUE_MODES:
            raise ValueError(f"value_mode must be one of {VALUE_MODES}")
        if self.batch_episodes < 1 or self.minibatches < 1 or self.epochs < 1:
            raise ValueError("batch_episodes, minibatches and epochs must be >= 1")
        self.adam_betas = tuple(self.adam_betas)

    @property
    def effective_critic_lr(self) -> float:
        return self.lr if self.critic_lr is None else self.critic_lr

    def to_dict(self) -> dict:
        data = asdict(self)
        data["adam_betas"] = list(self.adam_betas)
        data["effective_critic_lr"] = self.effective_critic_lr
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "PPOConfig":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def preset(name: str, **overrides) -> PPOConfig:
    """`paper` (HF models) or `tiny` (the built-in model); explicit overrides win (None = keep preset)."""
    if name == "paper":
        base = PPOConfig(preset="paper")
    elif name == "tiny":
        base = PPOConfig(lr=1e-3, critic_lr=1e-3, weight_decay=0.0, warmup_updates=5, batch_episodes=32,
                         minibatches=2, preset="tiny")
    else:
        raise ValueError(f"unknown preset '{name}' (expected 'paper' or 'tiny')")
    values = base.to_dict()
    values.pop("effective_critic_lr")
    values.update({k: v for k, v in overrides.items() if v is not None})
    return PPOConfig.from_dict(values)
