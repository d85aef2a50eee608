"""What one PPO update and one PPO step measure (dataclasses; the step's record is `asdict` of StepMetrics)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# A token counts as IS-truncated only when min(π_θ/π_b, 1) < 1 − this: the sampler and the teacher-forced
# pass compute the same distribution along different code paths (KV cache, batch shapes, bf16), so an
# exactly on-policy token has |log π_θ − log π_b| ≈ 1e-6 in fp32 and ≈ 1e-2 in bf16. Counting every w < 1
# reported 4.7 % "truncated" tokens on a perfectly on-policy fp32 step; mean(1 − w) needs no tolerance.
IS_TRUNCATION_TOLERANCE = 0.02


@dataclass
class UpdateStats:
    """Sums over one minibatch update (or, accumulated, over a step's updates)."""
    policy_loss: float = 0.0
    value_loss: float = 0.0
    clipped: float = 0.0
    approx_kl: float = 0.0
    is_weight: float = 0.0
    is_weight_deficit: float = 0.0
    is_truncated: float = 0.0
    value_clipped: float = 0.0
    ratio_dev_max: float = 0.0
    policy_tokens: int = 0
    value_reads: int = 0
    grad_norms: list = field(default_factory=list)
    critic_grad_norms: list = field(default_factory=list)

    def add(self, other: "UpdateStats") -> None:
        for name in ("policy_loss", "value_loss", "clipped", "approx_kl", "is_weight", "is_weight_deficit",
                     "is_truncated", "value_clipped", "policy_tokens", "value_reads"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.ratio_dev_max = max(self.ratio_dev_max, other.ratio_dev_max)
        self.grad_norms += other.grad_norms
        self.critic_grad_norms += other.critic_grad_norms


@dataclass
class StepMetrics:
    """One PPO step, as served by GET /rl/steps (trainer/API.md lists every field)."""
    episodes: int
    turns: int
    tokens: int
    action_tokens: int
    reward_mean: float
    final_reward_mean: float
    return_mean: float
    kl_penalty_mean: float
    kl: float
    entropy: float
    policy_loss: float
    value_loss: float
    approx_kl: float
    clip_fraction: float
    value_clip_fraction: float
    is_weight_mean: float
    is_weight_deficit_mean: float
    is_truncated_fraction: float
    is_truncation_tolerance: float
    explained_variance: float
    value_mean: float
    grad_norm: float
    grad_norm_max: float
    critic_grad_norm: float
    advantage_mean: float
    advantage_std: float
    staleness_mean: float
    lr: float
    critic_lr: float
    updates: int
    step_time_s: float
    tokens_per_s: float
    first_minibatch_ratio_dev_max: Optional[float] = None
    first_minibatch_clip_fraction: Optional[float] = None
    algo: str = "ppo"
