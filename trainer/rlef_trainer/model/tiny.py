"""The built-in model: a small pre-norm causal transformer in plain PyTorch (runs on torch 1.13 CPU).

Masked attention is written by hand (no SDPA on 1.13); there is no dropout anywhere, so a teacher-forced
pass reproduces the sampling distribution exactly and the first PPO ratio is 1. The critic is the same
architecture with the LM head replaced by a fresh Linear(hidden, 1), its body initialised from the policy
weights as in the paper; the reference is a frozen copy of the starting policy.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

import torch
from torch import nn

from . import tokenizer as tok
from ..tensor_io import load_tensors, save_tensors
from .interface import ActorCriticModel
from .precision import autocast, check_compute, fp32_linear


@dataclass
class TinyConfig:
    vocab_size: int = tok.VOCAB_SIZE
    d_model: int = 128
    n_layers: int = 2
    n_heads: int = 4
    d_ff: int = 384
    max_seq_len: int = 2048
    rope_theta: float = 10000.0
    norm_eps: float = 1e-5
    suppressed_ids: tuple = field(default_factory=lambda: tuple(tok.NON_GENERATABLE_IDS))

    def to_dict(self) -> dict:
        data = asdict(self)
        data["suppressed_ids"] = list(self.suppressed_ids)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "TinyConfig":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}  # compute_dtype is not architecture
        if "suppressed_ids" in known:
            known["suppressed_ids"] = tuple(known["suppressed_ids"])
        return cls(**known)


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        scale = torch.rsqrt(x.float().pow(2).mean(-1, keepdim=True) + self.eps)
        return (x.float() * scale).type_as(x) * self.weight


def rope_tables(position_ids: torch.Tensor, head_dim: int, theta: float) -> tuple[torch.Tensor, torch.Tensor]:
    inv_freq = 1.0 / (theta ** (torch.arange(0, head_dim, 2, device=position_ids.device).float() / head_dim))
    angles = position_ids.float().unsqueeze(-1) * inv_freq  # [B, T, hd/2]
    angles = torch.cat([angles, angles], dim=-1)
    return angles.cos().unsqueeze(1), angles.sin().unsqueeze(1)  # [B, 1, T, hd]


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    rotated = torch.cat([-x[..., half:], x[..., :half]], dim=-1)
    return x * cos + rotated * sin


class Attention(nn.Module):
    def __init__(self, cfg: TinyConfig):
        super().__init__()
        self.n_heads = cfg.n_heads
        self.head_dim = cfg.d_model // cfg.n_heads
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model, bias=False)
        self.out = nn.Linear(cfg.d_model, cfg.d_model, bias=False)

    def forward(self, x, cos, sin, allowed, past: Optional[tuple]) -> tuple[torch.Tensor, tuple]:
        batch, length, width = x.shape
        q, k, v = self.qkv(x).view(batch, length, 3, self.n_heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q, k = apply_rope(q, cos, sin), apply_rope(k, cos, sin)
        if past is not None:
            k = torch.cat([past[0], k], dim=2)
            v = torch.cat([past[1], v], dim=2)
        # Scale q (small) rather than the scores (B·H·T·S) and mask in place: on CPU these
        # memory-bound passes over the score matrix cost more than the matmuls themselves.
        scores = (q * (1.0 / math.sqrt(self.head_dim))) @ k.transpose(-1, -2)
        # A finite minimum instead of -inf: a fully masked row (a left-pad query) becomes uniform, not NaN.
        scores.masked_fill_(~allowed, torch.finfo(scores.dtype).min)
        weights = torch.softmax(scores.float(), dim=-1).type_as(v)
        mixed = (weights @ v).transpose(1, 2).reshape(batch, length, width)
        return self.out(mixed), (k, v)


class Block(nn.Module):
    def __init__(self, cfg: TinyConfig):
        super().__init__()
        self.attn_norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.attn = Attention(cfg)
        self.mlp_norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.mlp = nn.Sequential(nn.Linear(cfg.d_model, cfg.d_ff), nn.GELU(), nn.Linear(cfg.d_ff, cfg.d_model))

    def forward(self, x, cos, sin, allowed, past):
        attended, present = self.attn(self.attn_norm(x), cos, sin, allowed, past)
        x = x + attended
        return x + self.mlp(self.mlp_norm(x)), present


class TinyBody(nn.Module):
    """Embedding + blocks + final norm: the part shared by the policy and the critic architecture."""

    def __init__(self, cfg: TinyConfig):
        super().__init__()
        self.cfg = cfg
        self.embed = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layers))
        self.norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        nn.init.normal_(self.embed.weight, std=0.02)

    def forward(self, input_ids, attention_mask, position_ids, cache: Optional[list] = None):
        past_len = 0 if cache is None else cache[0][0].shape[2]
        new_len = input_ids.shape[1]
        total = past_len + new_len
        query_pos = torch.arange(past_len, total, device=input_ids.device).unsqueeze(-1)
        key_pos = torch.arange(total, device=input_ids.device).unsqueeze(0)
        causal = key_pos <= query_pos  # [T, S]
        allowed = causal.unsqueeze(0).unsqueeze(0) & attention_mask.bool()[:, None, None, :]
        cos, sin = rope_tables(position_ids, self.cfg.d_model // self.cfg.n_heads, self.cfg.rope_theta)
        x = self.embed(input_ids)
        presents = []
        for index, block in enumerate(self.blocks):
            x, present = block(x, cos, sin, allowed, None if cache is None else cache[index])
            presents.append(present)
        return self.norm(x), presents


class TinyCausalLM(nn.Module):
    def __init__(self, cfg: TinyConfig):
        super().__init__()
        self.body = TinyBody(cfg)
        self.lm_head = nn.Linear(cfg.d_model, cfg.vocab_size, bias=False)
        nn.init.normal_(self.lm_head.weight, std=0.02)
        suppressed = torch.zeros(cfg.vocab_size, dtype=torch.bool)
        suppressed[list(cfg.suppressed_ids)] = True
        self.register_buffer("suppressed", suppressed, persistent=False)

    def logits(self, hidden: torch.Tensor) -> torch.Tensor:
        """fp32 logits (the head runs in fp32 even under bf16 autocast: log-probs need the precision)."""
        return fp32_linear(hidden, self.lm_head.weight).masked_fill(self.suppressed, torch.finfo(torch.float32).min)


class TinyValueModel(nn.Module):
    def __init__(self, cfg: TinyConfig):
        super().__init__()
        self.body = TinyBody(cfg)
        self.value_head = nn.Linear(cfg.d_model, 1)
        nn.init.normal_(self.value_head.weight, std=0.01)
        nn.init.zeros_(self.value_head.bias)


class TinyActorCritic(ActorCriticModel):
    finetune_mode = "full"

    def __init__(self, cfg: TinyConfig, seed: int = 0, device: str = "cpu", compute_dtype: str = "fp32"):
        torch.manual_seed(seed)
        self.cfg = cfg
        self.compute_dtype = check_compute(compute_dtype)
        self.model_name = "builtin:tiny"
        self.max_seq_len = cfg.max_seq_len
        self.vocab_size = cfg.vocab_size
        self._device = torch.device(device)
        self.policy = TinyCausalLM(cfg).to(self._device)
        self.reference = TinyCausalLM(cfg).to(self._device)
        self.critic = TinyValueModel(cfg).to(self._device)
        self.reset_reference_and_critic()

    def reset_reference_and_critic(self) -> None:
        """Reference := frozen copy of the policy; critic body := policy body with a fresh value head."""
        self.reference.load_state_dict(self.policy.state_dict())
        for p in self.reference.parameters():
            p.requires_grad_(False)
        self.critic.body.load_state_dict(self.policy.body.state_dict())
        nn.init.normal_(self.critic.value_head.weight, std=0.01)
        nn.init.zeros_(self.critic.value_head.bias)

    @property
    def device(self) -> torch.device:
        return self._device

    def _network(self, role: str):
        return {"policy": self.policy, "reference": self.reference, "critic": self.critic}[role]

    def hidden_states(self, role, input_ids, attention_mask, position_ids):
        with autocast(self._device, self.compute_dtype):
            hidden, _ = self._network(role).body(input_ids, attention_mask, position_ids)
        return hidden

    def lm_logits(self, role, hidden):
        return self._network(role).logits(hidden)

    def value_from_hidden(self, hidden):
        head = self.critic.value_head
        return fp32_linear(hidden, head.weight, head.bias).squeeze(-1)

    def decode_step(self, input_ids, attention_mask, position_ids, cache: Optional[Any]):
        with autocast(self._device, self.compute_dtype):
            hidden, presents = self.policy.body(input_ids, attention_mask, position_ids, cache)
        return self.policy.logits(hidden), presents

    def select_cache_rows(self, cache, rows: torch.Tensor):
        return [(k.index_select(0, rows), v.index_select(0, rows)) for k, v in cache]

    def policy_named_parameters(self):
        return list(self.policy.named_parameters())

    def critic_named_parameters(self):
        return list(self.critic.named_parameters())

    def set_train(self, training: bool) -> None:
        self.policy.train(training)
        self.critic.train(training)
        self.reference.eval()

    def model_config(self) -> dict:
        return {"family": "builtin:tiny", **self.cfg.to_dict(), "compute_dtype": self.compute_dtype}

    def save_weights(self, directory: str) -> dict:
        os.makedirs(directory, exist_ok=True)
        for role in ("policy", "critic", "reference"):
            save_tensors(self._network(role).state_dict(), os.path.join(directory, f"{role}.pt"))
        with open(os.path.join(directory, "model_config.json"), "w") as handle:
            json.dump(self.model_config(), handle, indent=2)
        return {"format": "rlef-tiny-v1", "files": ["policy.pt", "critic.pt", "reference.pt", "model_config.json"]}

    def load_weights(self, directory: str, policy_only: bool = False) -> None:
        self.policy.load_state_dict(load_tensors(os.path.join(directory, "policy.pt"), self._device))
        if policy_only:
            self.reset_reference_and_critic()
            return
        for role in ("critic", "reference"):
            self._network(role).load_state_dict(load_tensors(os.path.join(directory, f"{role}.pt"), self._device))


def read_tiny_config(directory: str) -> TinyConfig:
    """The architecture a saved tiny model was built with (so a checkpoint rebuilds the same shape)."""
    with open(os.path.join(directory, "model_config.json")) as handle:
        return TinyConfig.from_dict(json.load(handle))
