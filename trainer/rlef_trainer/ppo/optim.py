"""AdamW over fp32 master parameters, the parameter groups, the learning-rate schedule, and the
optimizer state as plain tensors for checkpoints.

Every trainable tensor must be float32: AdamW's update at lr 2e-7 is far below bf16's resolution
(a bf16 weight w only moves when the update exceeds ~|w|/256), so bf16 weights would silently not
train. Models compute in bf16 from these fp32 masters under autocast (model/precision.py).
"""
from __future__ import annotations

import math
from typing import Iterable, Sequence

import torch

from ..config import PPOConfig
from ..model.interface import ActorCriticModel
from ..tensor_io import flatten_optimizer, restore_optimizer

NO_DECAY_NDIM = 1  # biases and norm scales: weight decay would pull them towards 0, not towards simplicity


def require_fp32(named: Iterable[tuple[str, torch.nn.Parameter]], what: str) -> None:
    wrong = [f"{name} ({p.dtype})" for name, p in named if p.requires_grad and p.dtype != torch.float32]
    if wrong:
        raise TypeError(f"{what}: trainable tensors must be float32 master weights, got {', '.join(wrong[:5])}"
                        f"{' …' if len(wrong) > 5 else ''}")


def param_groups(named: Sequence[tuple[str, torch.nn.Parameter]], weight_decay: float) -> list[dict]:
    """Two AdamW groups: matrices with weight decay, 1-D tensors (biases, norms) without."""
    decay = [p for _, p in named if p.requires_grad and p.ndim > NO_DECAY_NDIM]
    plain = [p for _, p in named if p.requires_grad and p.ndim <= NO_DECAY_NDIM]
    groups = []
    if decay:
        groups.append({"params": decay, "weight_decay": weight_decay, "name": "decay"})
    if plain:
        groups.append({"params": plain, "weight_decay": 0.0, "name": "no_decay"})
    return groups


def make_adamw(named: Sequence[tuple[str, torch.nn.Parameter]], lr: float, cfg: PPOConfig, what: str
               ) -> torch.optim.AdamW:
    require_fp32(named, what)
    groups = param_groups(named, cfg.weight_decay)
    if not groups:
        raise ValueError(f"{what}: no trainable parameters")
    return torch.optim.AdamW(groups, lr=lr, betas=cfg.adam_betas, eps=cfg.adam_eps)


def lr_scale(cfg: PPOConfig, update: int) -> float:
    """Linear warm-up over `warmup_updates`, then constant (the paper) or cosine decay to 0 (SFT)."""
    warm = min(1.0, (update + 1) / max(1, cfg.warmup_updates))
    if cfg.lr_schedule == "constant" or update < cfg.warmup_updates:
        return warm
    span = max(1, cfg.total_updates - cfg.warmup_updates)
    progress = min(1.0, (update - cfg.warmup_updates) / span)
    return 0.5 * (1.0 + math.cos(math.pi * progress))


def set_lr(optimizer: torch.optim.Optimizer, base_lr: float, scale: float) -> float:
    for group in optimizer.param_groups:
        group["lr"] = base_lr * scale
    return base_lr * scale


def optimizer_tensors(optimizers: dict[str, torch.optim.Optimizer], updates: int) -> dict[str, torch.Tensor]:
    flat: dict[str, torch.Tensor] = {"updates": torch.tensor(updates)}
    for prefix, optimizer in optimizers.items():
        flat.update(flatten_optimizer(optimizer, prefix))
    return flat


def restore_optimizers(optimizers: dict[str, torch.optim.Optimizer], flat: dict[str, torch.Tensor]) -> int:
    for prefix, optimizer in optimizers.items():
        restore_optimizer(optimizer, flat, prefix)
    return int(flat["updates"])


def state_dtypes(optimizer: torch.optim.Optimizer) -> dict[str, str]:
    """dtype → count of optimizer-state tensors (the GPU check prints it; all must be float32)."""
    counts: dict[str, int] = {}
    for state in optimizer.state.values():
        for value in state.values():
            if isinstance(value, torch.Tensor) and value.numel() > 1:
                counts[str(value.dtype)] = counts.get(str(value.dtype), 0) + 1
    return {k: str(v) for k, v in counts.items()}


def trainable(named: Iterable[tuple[str, torch.nn.Parameter]]) -> list[tuple[str, torch.nn.Parameter]]:
    """The parameters an optimizer updates: frozen ones (the base under LoRA) are left out."""
    return [(n, p) for n, p in named if p.requires_grad]


class PolicyUpdater:
    """What the PPO and the SFT updater share: the policy's AdamW, the update counter, and saving both."""

    def __init__(self, model: ActorCriticModel, cfg: PPOConfig, pad_id: int):
        self.model = model
        self.cfg = cfg
        self.pad_id = pad_id
        self.policy_named = trainable(model.policy_named_parameters())
        self.policy_params = [p for _, p in self.policy_named]
        self.policy_opt = make_adamw(self.policy_named, cfg.lr, cfg, "policy")
        self.updates = 0

    def optimizers(self) -> dict[str, torch.optim.Optimizer]:
        """The optimizers a checkpoint keeps, by the names stored in it."""
        return {"policy_opt": self.policy_opt}

    def state_tensors(self) -> dict[str, torch.Tensor]:
        """Optimizer moments and the update counter as a plain dict[str, Tensor] (weights_only-safe)."""
        return optimizer_tensors(self.optimizers(), self.updates)

    def load_state_tensors(self, flat: dict[str, torch.Tensor]) -> None:
        self.updates = restore_optimizers(self.optimizers(), flat)
