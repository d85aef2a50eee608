"""Training configuration: the paper's defaults, the fine-tuning presets, and the built-in model's.

Paper (docs/method.md §6.6): AdamW lr 2e-7, weight decay 0.1, 50 warm-up steps, 1024 rollouts per batch in 4
updates of 256, training temperature 1.0, β = 0.05, ε = 0.2, value clip 0.2. On one GPU the batch is
scaled down (default 64 episodes in 4 minibatches).

Where we differ from the paper, and why (all visible in every run's config):
- critic_lr = 10 × lr. The paper gives one lr for both networks; its value network ends in a freshly
  initialised linear head, which at the policy's lr barely moves. Full-FT references (TRAINER-NOTES:
  OpenRLHF's examples 5e-7 actor / 9e-6 critic; 1e-6 / 1e-5 elsewhere) put the critic ~10× higher.
- LoRA (`finetune="lora"`): lr = 10 × the full-fine-tuning lr, i.e. 2e-6. "LoRA Without Regret"
  (Schulman et al., Thinking Machines, 2025) finds the optimal LoRA lr ≈ 10× full fine-tuning's, for
  SFT and RL alike, with adapters on all layers and α = 32 (our defaults: all-linear, rank 16, α 32).
- The tiny built-in model starts from random weights and is ~10^4 times smaller than an 8B model: at lr
  2e-7 it would not move, so its preset uses lr 1e-3.
- SFT (`algo="sft"`, the paper's Table 3 baseline, App. A.3): lr 2e-6 (the paper sweeps {5e-6, 2e-6}),
  10 warm-up updates then cosine decay, weight decay 0.1, loss on the final (passing) reply only
  (`sft_loss_on="final"`, reported slightly better than "all" replies).

Every field is a property of the run contract's JSON Schema (contract/run_spec.schema.json); a test
checks the two name the same settings.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Optional

ADVANTAGE_NORMALIZATIONS = ("token", "turn", "none")
VALUE_MODES = ("turn", "token")
ALGOS = ("ppo", "sft")
FINETUNE_MODES = ("full", "lora")
LR_SCHEDULES = ("constant", "cosine")
SFT_LOSS_ON = ("final", "all")
PRESETS = ("paper", "tiny")


@dataclass
class PPOConfig:
    algo: str = "ppo"
    finetune: str = "full"
    preset: str = "paper"
    lr: float = 2e-7
    critic_lr: float = 2e-6
    weight_decay: float = 0.1
    warmup_updates: int = 50  # linear warm-up, counted in optimizer updates (the paper's "steps")
    lr_schedule: str = "constant"  # "cosine": decay to 0 over total_updates after the warm-up (SFT)
    total_updates: int = 0
    adam_beta1: float = 0.9
    adam_beta2: float = 0.999
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
    sft_loss_on: str = "final"
    chat_template_date: Optional[str] = None  # YYYY-MM-DD pinned per run (Llama 3.x "Today Date"); None = today
    seed: int = 0

    def __post_init__(self) -> None:
        for name, allowed in (("advantage_normalization", ADVANTAGE_NORMALIZATIONS), ("value_mode", VALUE_MODES),
                              ("algo", ALGOS), ("finetune", FINETUNE_MODES), ("lr_schedule", LR_SCHEDULES),
                              ("sft_loss_on", SFT_LOSS_ON), ("preset", PRESETS)):
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name} must be one of {allowed}, got {getattr(self, name)!r}")
        if self.batch_episodes < 1 or self.minibatches < 1 or self.epochs < 1:
            raise ValueError("batch_episodes, minibatches and epochs must be >= 1")

    @property
    def adam_betas(self) -> tuple[float, float]:
        return (self.adam_beta1, self.adam_beta2)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "PPOConfig":
        data = dict(data)
        if "adam_betas" in data:  # checkpoints written before the betas were two settings
            data.setdefault("adam_beta1", data["adam_betas"][0])
            data.setdefault("adam_beta2", data["adam_betas"][1])
        if "critic_lr" in data and data["critic_lr"] is None:  # before: None meant "the policy's lr"
            data["critic_lr"] = data.get("lr", cls.lr)
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def field_names() -> list[str]:
    return [f.name for f in fields(PPOConfig)]


def preset_values(name: str, finetune: str = "full", algo: str = "ppo") -> dict:
    """The defaults a run gets for each setting it leaves unset."""
    if name not in PRESETS:
        raise ValueError(f"unknown preset '{name}' (expected one of {PRESETS})")
    if finetune not in FINETUNE_MODES:
        raise ValueError(f"finetune must be one of {FINETUNE_MODES}, got {finetune!r}")
    values = PPOConfig(algo=algo, finetune=finetune, preset=name).to_dict()
    if name == "tiny":
        values.update(lr=1e-3, critic_lr=1e-3, weight_decay=0.0, warmup_updates=5, batch_episodes=32, minibatches=2)
    elif finetune == "lora":
        values.update(lr=2e-6, critic_lr=2e-5)
    if algo == "sft":  # App. A.3: 10 warm-up steps, then cosine decay; one update per step
        values.update(warmup_updates=10, lr_schedule="cosine", minibatches=1)
        if name == "paper":
            values.update(lr=2e-6 if finetune == "full" else 2e-5)
    return values


def preset(name: str, **overrides) -> PPOConfig:
    """A preset's config; explicit overrides win (None = keep the preset's value)."""
    finetune = overrides.get("finetune") or "full"
    algo = overrides.get("algo") or "ppo"
    values = preset_values(name, finetune, algo)
    unknown = set(overrides) - set(values)
    if unknown:
        raise ValueError(f"unknown config fields: {sorted(unknown)}")
    values.update({k: v for k, v in overrides.items() if v is not None})
    return PPOConfig.from_dict(values)


def differences(a: PPOConfig, b: PPOConfig) -> dict:
    """{field: (a's value, b's value)} for every setting that differs."""
    left, right = a.to_dict(), b.to_dict()
    return {k: (left[k], right[k]) for k in left if left[k] != right[k]}
