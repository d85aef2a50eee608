"""Temperature / top-p sampling of one next token per row, with the log-prob of what was drawn.

Each row has its own torch.Generator, so a seeded request gives the same tokens whatever else shares its
batch. Inverse-CDF sampling draws exactly one uniform per row and step, which keeps cached and uncached
generation on the same random stream.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

import torch


@dataclass(frozen=True)
class SamplingParams:
    temperature: float = 1.0  # 0 = greedy
    top_p: float = 1.0
    max_tokens: int = 256
    seed: Optional[int] = None


def make_generator(seed: Optional[int], fallback: torch.Generator) -> torch.Generator:
    generator = torch.Generator()
    if seed is None:
        seed = int(torch.randint(0, 2**62, (1,), generator=fallback).item())
    generator.manual_seed(int(seed))
    return generator


def sample_row(logits: torch.Tensor, params: SamplingParams, generator: torch.Generator) -> tuple[int, float]:
    """Draw a token from one row of logits [V]; return (token, log-prob under the distribution drawn from).

    With top_p = 1 the log-prob is exactly the teacher-forced log_softmax(logits / T) the trainer
    recomputes. With top_p < 1 it is the log-prob under the renormalised nucleus, i.e. the true behaviour
    probability that the truncated importance weight needs (training rollouts should use top_p = 1).
    Greedy (T = 0) reports the log-prob under T = 1.
    """
    logits = logits.float()
    if params.temperature <= 0:
        token = int(torch.argmax(logits).item())
        return token, float((logits[token] - torch.logsumexp(logits, -1)).item())
    scaled = logits / params.temperature
    log_norm = torch.logsumexp(scaled, -1)
    probs = torch.softmax(scaled.double(), -1)
    nucleus_mass = 1.0
    if params.top_p < 1.0:
        sorted_probs, order = torch.sort(probs, descending=True)
        before = torch.cumsum(sorted_probs, -1) - sorted_probs
        keep_sorted = before < params.top_p
        keep_sorted[0] = True
        keep = torch.zeros_like(probs, dtype=torch.bool)
        keep[order[keep_sorted]] = True
        probs = probs.masked_fill(~keep, 0.0)
        nucleus_mass = float(probs.sum().item())
    cdf = torch.cumsum(probs, -1)
    u = torch.rand((1,), generator=generator, dtype=torch.float64)
    token = int(torch.searchsorted(cdf, u * cdf[-1], right=True).clamp(max=probs.shape[0] - 1).item())
    logprob = float((scaled[token] - log_norm).item())
    if params.top_p < 1.0:
        logprob -= float(torch.log(torch.tensor(nucleus_mass, dtype=torch.float64)).item())
    return token, logprob


def sample_batch(logits: torch.Tensor, params: Sequence[SamplingParams], generators: Sequence[torch.Generator],
                 active: Sequence[bool]) -> list[Optional[tuple[int, float]]]:
    rows = logits.detach().float().cpu()
    plain = [i for i in range(len(params)) if active[i] and params[i].temperature > 0 and params[i].top_p >= 1.0]
    out: list[Optional[tuple[int, float]]] = [None] * len(params)
    if plain:  # the training case (temperature only): one vectorised draw, same stream as sample_row
        index = torch.tensor(plain)
        temperature = torch.tensor([params[i].temperature for i in plain]).unsqueeze(-1)
        scaled = rows[index] / temperature
        log_norm = torch.logsumexp(scaled, -1)
        cdf = torch.cumsum(torch.softmax(scaled.double(), -1), -1)
        u = torch.cat([torch.rand((1,), generator=generators[i], dtype=torch.float64) for i in plain])
        tokens = torch.searchsorted(cdf, (u * cdf[:, -1]).unsqueeze(-1), right=True).squeeze(-1)
        tokens = tokens.clamp(max=rows.shape[-1] - 1)
        logprobs = scaled.gather(-1, tokens.unsqueeze(-1)).squeeze(-1) - log_norm
        for slot, row in enumerate(plain):
            out[row] = (int(tokens[slot]), float(logprobs[slot]))
    for i in range(len(params)):
        if active[i] and out[i] is None:
            out[i] = sample_row(rows[i], params[i], generators[i])
    return out
