"""One SFT update per step: next-token loss on the examples' reply tokens (mean over the batch's target
tokens), AdamW with warm-up then cosine decay (App. A.3: 10 warm-up steps, cosine, weight decay 0.1)."""
from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass
from typing import Sequence

import torch

from ..model.interface import token_logprobs
from ..ppo.batching import plan_micro_batches
from ..ppo.optim import PolicyUpdater, lr_scale, set_lr
from .examples import SFTExample


@dataclass
class SFTMetrics:
    episodes: int  # examples (the name the worker's step records share with PPO)
    tokens: int
    loss_tokens: int
    sft_loss: float  # mean negative log-likelihood per target token
    grad_norm: float
    lr: float
    updates: int
    step_time_s: float
    tokens_per_s: float
    algo: str = "sft"


class SFTUpdater(PolicyUpdater):

    def _batch(self, examples: Sequence[SFTExample]):
        device = self.model.device
        width = max(len(e.input_ids) for e in examples)
        ids = torch.full((len(examples), width), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(examples), width), dtype=torch.long)
        rows, cols = [], []
        for row, example in enumerate(examples):
            ids[row, :len(example.input_ids)] = torch.tensor(example.input_ids)
            mask[row, :len(example.input_ids)] = 1
            for col, target in enumerate(example.loss_mask):
                if target and col > 0:
                    rows.append(row)
                    cols.append(col)
        positions = torch.arange(width).unsqueeze(0).expand(len(examples), width).contiguous()
        rows_t, cols_t = torch.tensor(rows, dtype=torch.long), torch.tensor(cols, dtype=torch.long)
        return (ids.to(device), mask.to(device), positions.to(device), rows_t.to(device), cols_t.to(device),
                ids[rows_t, cols_t].to(device))

    def step(self, examples: Sequence[SFTExample], current_version: int = 0) -> dict:
        if not examples:
            raise ValueError("SFT step needs at least one example")
        started = time.perf_counter()
        total_targets = sum(max(0, e.loss_tokens - (1 if e.loss_mask[0] else 0)) for e in examples)
        scale = lr_scale(self.cfg, self.updates)
        lr = set_lr(self.policy_opt, self.cfg.lr, scale)
        self.model.set_train(True)
        self.policy_opt.zero_grad(set_to_none=True)
        loss_sum = 0.0
        lengths = [len(e.input_ids) for e in examples]
        for group in plan_micro_batches(range(len(examples)), lengths, self.cfg.micro_batch_tokens):
            ids, mask, positions, rows, cols, targets = self._batch([examples[i] for i in group])
            hidden = self.model.hidden_states("policy", ids, mask, positions)
            temperature = torch.ones(rows.shape[0], device=ids.device)
            logprobs, _ = token_logprobs(self.model, "policy", hidden, rows, cols - 1, targets, temperature)
            loss = -logprobs.sum() / max(1, total_targets)
            loss.backward()
            loss_sum += float(loss)
        grad_norm = float(torch.nn.utils.clip_grad_norm_(self.policy_params, self.cfg.grad_clip))
        self.policy_opt.step()
        self.updates += 1
        self.model.set_train(False)
        elapsed = time.perf_counter() - started
        tokens = sum(lengths)
        return asdict(SFTMetrics(episodes=len(examples), tokens=tokens, loss_tokens=total_targets, sft_loss=loss_sum,
                                 grad_norm=grad_norm, lr=lr, updates=self.updates, step_time_s=elapsed,
                                 tokens_per_s=tokens / elapsed if elapsed > 0 else math.nan))
