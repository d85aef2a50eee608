"""Batched generation with a KV cache: left-padded prompts, explicit position ids, stop at end-of-turn."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Optional, Sequence

import torch

from ..model.interface import ActorCriticModel, pad_left, positions_from_mask
from .sampling import SamplingParams, make_generator, sample_batch


@dataclass
class GenerationStats:
    """Where generation time goes (the GPU check prints it): prefill, decode steps, and the sampling inside."""
    prefill_s: float = 0.0
    decode_s: float = 0.0
    sample_s: float = 0.0
    prompt_tokens: int = 0
    generated_tokens: int = 0


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


@dataclass
class Generation:
    token_ids: list[int] = field(default_factory=list)
    logprobs: list[float] = field(default_factory=list)
    finish_reason: str = "length"  # "stop" when a stop token was sampled (it is included in token_ids)


@torch.no_grad()
def generate(model: ActorCriticModel, prompts: Sequence[Sequence[int]], params: Sequence[SamplingParams],
             stop_ids: frozenset, pad_id: int, use_cache: bool = True,
             rng: Optional[torch.Generator] = None, stats: Optional[GenerationStats] = None) -> list[Generation]:
    """Sample one completion per prompt from the policy; `use_cache=False` recomputes every step (tests)."""
    if len(prompts) != len(params):
        raise ValueError("generate: one SamplingParams per prompt is required")
    if not prompts:
        return []
    fallback = rng if rng is not None else torch.default_generator
    generators = [make_generator(p.seed, fallback) for p in params]
    device = model.device
    outputs = [Generation() for _ in prompts]
    active = [p.max_tokens > 0 for p in params]
    stats = stats if stats is not None else GenerationStats()
    clock = time.perf_counter()
    logits, cache, full_ids, full_mask = _prefill(model, prompts, pad_id, use_cache)
    _sync(device)
    stats.prefill_s += time.perf_counter() - clock
    stats.prompt_tokens += sum(len(p) for p in prompts)
    clock = time.perf_counter()
    for _ in range(max(p.max_tokens for p in params)):
        if not any(active):
            break
        _sync(device)  # so the GPU's pending decode is not billed to sampling
        sampled_at = time.perf_counter()
        drawn = sample_batch(logits[:, -1], params, generators, active)
        stats.sample_s += time.perf_counter() - sampled_at
        next_tokens, next_mask = [], []
        for row, pick in enumerate(drawn):
            if pick is None:
                next_tokens.append(pad_id)
                next_mask.append(0)
                continue
            token, logprob = pick
            outputs[row].token_ids.append(token)
            outputs[row].logprobs.append(logprob)
            next_tokens.append(token)
            next_mask.append(1)
            if token in stop_ids:
                outputs[row].finish_reason = "stop"
                active[row] = False
            elif len(outputs[row].token_ids) >= params[row].max_tokens:
                active[row] = False
        if not any(active):
            break
        step_positions = full_mask.sum(-1, keepdim=True)  # the new token's position = real tokens before it
        step_ids = torch.tensor(next_tokens, dtype=torch.long, device=device).unsqueeze(-1)
        full_ids = torch.cat([full_ids, step_ids], dim=1)
        full_mask = torch.cat([full_mask, torch.tensor(next_mask, dtype=torch.long, device=device).unsqueeze(-1)], 1)
        if use_cache:
            logits, cache = model.decode_step(step_ids, full_mask, step_positions, cache)
        else:
            logits, _ = model.decode_step(full_ids, full_mask, positions_from_mask(full_mask), None)
    _sync(device)
    stats.decode_s += time.perf_counter() - clock
    stats.generated_tokens += sum(len(o.token_ids) for o in outputs)
    return outputs


def _prefill(model: ActorCriticModel, prompts: Sequence[Sequence[int]], pad_id: int, use_cache: bool):
    """Run the prompts once. Identical prompts (n > 1, or many episodes' shared first turn) are computed
    once and their cache rows copied, when the model supports it."""
    device = model.device
    unique: dict[tuple, int] = {}
    row_source = [unique.setdefault(tuple(p), len(unique)) for p in prompts]
    if use_cache and len(unique) < len(prompts):
        ids, mask = pad_left([list(p) for p in unique], pad_id, device)
        logits, cache = model.decode_step(ids, mask, positions_from_mask(mask), None)
        rows = torch.tensor(row_source, dtype=torch.long, device=device)
        expanded = model.select_cache_rows(cache, rows)
        if expanded is not None:
            return logits.index_select(0, rows), expanded, ids.index_select(0, rows), mask.index_select(0, rows)
    ids, mask = pad_left(prompts, pad_id, device)
    logits, cache = model.decode_step(ids, mask, positions_from_mask(mask), None)
    return logits, (cache if use_cache else None), ids, mask
