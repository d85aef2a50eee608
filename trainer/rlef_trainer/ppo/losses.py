"""Clipped PPO policy loss with RLEF's truncated importance weight, and the clipped value loss.

Both return a SUM over their elements divided by `normaliser` (the minibatch's total action-token or
turn count), so that micro-batches accumulate to exactly the minibatch mean.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch

LOG_RATIO_LIMIT = 20.0


@dataclass
class PolicyLossStats:
    clipped: float  # number of tokens where the clipped term is the active one
    approx_kl: float  # Σ of k3 = (ρ − 1) − log ρ, ρ = π_θ / π_old
    is_weight: float  # Σ of w = min(π_θ / π_b, 1)
    is_weight_deficit: float  # Σ of 1 − w
    is_truncated: float  # number of tokens where w < 1 − tolerance (the weight bites beyond float noise)
    ratio_dev_max: float  # max |π_θ/π_old − 1| over tokens (≈ 0 on the first minibatch of a step)


def policy_loss(new_logprobs: torch.Tensor, old_logprobs: torch.Tensor, behaviour_logprobs: torch.Tensor,
                advantages: torch.Tensor, clip_eps: float, normaliser: float,
                truncation_tolerance: float = 0.0) -> tuple[torch.Tensor, PolicyLossStats]:
    """r = π_θ/π_old · stop_grad(min(π_θ/π_b, 1)); loss = Σ max(−A·r, −A·clip(r, 1±ε)) / normaliser."""
    log_ratio = (new_logprobs - old_logprobs).clamp(-LOG_RATIO_LIMIT, LOG_RATIO_LIMIT)
    ratio = torch.exp(log_ratio)
    behaviour_log_ratio = (new_logprobs - behaviour_logprobs).clamp(-LOG_RATIO_LIMIT, LOG_RATIO_LIMIT)
    is_weight = torch.exp(behaviour_log_ratio).clamp(max=1.0).detach()
    weighted = ratio * is_weight
    unclipped = -advantages * weighted
    clipped = -advantages * weighted.clamp(1.0 - clip_eps, 1.0 + clip_eps)
    per_token = torch.max(unclipped, clipped)
    loss = per_token.sum() / normaliser
    with torch.no_grad():
        stats = PolicyLossStats(
            clipped=float((clipped > unclipped).sum()),
            approx_kl=float(((ratio - 1.0) - log_ratio).sum()),
            is_weight=float(is_weight.sum()),
            is_weight_deficit=float((1.0 - is_weight).sum()),
            is_truncated=float((is_weight < 1.0 - truncation_tolerance).sum()),
            ratio_dev_max=float((ratio - 1.0).abs().max()) if ratio.numel() else 0.0,
        )
    return loss, stats


def value_loss(values: torch.Tensor, old_values: torch.Tensor, returns: torch.Tensor, clip: float,
               normaliser: float) -> tuple[torch.Tensor, float]:
    """½ · max((V − R)², (clip(V, V_old ± α) − R)²), summed / normaliser; also the count of clipped values."""
    clipped_values = old_values + (values - old_values).clamp(-clip, clip)
    per_value = 0.5 * torch.max((values - returns) ** 2, (clipped_values - returns) ** 2)
    clipped_count = float(((values - old_values).abs() > clip).sum())
    return per_value.sum() / normaliser, clipped_count
