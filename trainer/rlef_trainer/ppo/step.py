"""One RLEF PPO step: score the batch with the frozen old policy/reference/critic, compute turn rewards,
returns and advantages, then K minibatch updates of the clipped policy and value losses."""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Sequence

import torch

from ..config import PPOConfig
from ..episodes import Episode
from ..model.interface import ActorCriticModel, token_logprobs, trainable, values_at
from ..tensor_io import flatten_optimizer, restore_optimizer
from . import advantages as adv
from .batching import TrainBatch, build_train_batch, flat_index, plan_micro_batches, split_minibatches
from .losses import policy_loss, value_loss
from .masked import explained_variance, mean_and_std, whiten


@dataclass
class Scores:
    """Per action: old/ref log-probs and entropy; per value read: old values and their targets."""
    old_logprobs: torch.Tensor
    ref_logprobs: torch.Tensor
    entropy: torch.Tensor
    old_values: torch.Tensor  # per turn (turn mode) or per action (token mode)


class PPOUpdater:
    def __init__(self, model: ActorCriticModel, cfg: PPOConfig, pad_id: int):
        self.model = model
        self.cfg = cfg
        self.pad_id = pad_id
        self.policy_params = trainable(model.policy_parameters())
        self.critic_params = trainable(model.critic_parameters())
        self.policy_opt = torch.optim.AdamW(self.policy_params, lr=cfg.lr, betas=cfg.adam_betas, eps=cfg.adam_eps,
                                            weight_decay=cfg.weight_decay)
        self.critic_opt = torch.optim.AdamW(self.critic_params, lr=cfg.effective_critic_lr, betas=cfg.adam_betas,
                                            eps=cfg.adam_eps, weight_decay=cfg.weight_decay)
        self.updates = 0

    # ---- persistence -------------------------------------------------------------------------------
    def state_tensors(self) -> dict[str, torch.Tensor]:
        """Optimizer moments and the update counter as a plain dict[str, Tensor] (weights_only-safe)."""
        return {**flatten_optimizer(self.policy_opt, "policy_opt"), **flatten_optimizer(self.critic_opt, "critic_opt"),
                "updates": torch.tensor(self.updates)}

    def load_state_tensors(self, flat: dict[str, torch.Tensor]) -> None:
        restore_optimizer(self.policy_opt, flat, "policy_opt")
        restore_optimizer(self.critic_opt, flat, "critic_opt")
        self.updates = int(flat["updates"])

    # ---- the step ------------------------------------------------------------------------------------
    def _sub_batch(self, episodes: Sequence[Episode], indices: Sequence[int]) -> TrainBatch:
        return build_train_batch([episodes[i] for i in indices], self.pad_id, self.cfg.train_temperature,
                                 self.model.device)

    @torch.no_grad()
    def score(self, episodes: Sequence[Episode], full: TrainBatch) -> Scores:
        """Teacher-forced old policy log-probs (logits / temperature), reference log-probs and old values."""
        device = self.model.device
        old = torch.zeros(full.num_actions, device=device)
        ref = torch.zeros(full.num_actions, device=device)
        ent = torch.zeros(full.num_actions, device=device)
        value_count = full.num_turns if self.cfg.value_mode == "turn" else full.num_actions
        values = torch.zeros(value_count, device=device)
        lengths = [len(e.sequence) for e in episodes]
        for group in plan_micro_batches(range(len(episodes)), lengths, self.cfg.micro_batch_tokens):
            sub = self._sub_batch(episodes, group)
            action_index = flat_index(full.action_offsets, group, device)
            args = (sub.input_ids, sub.attention_mask, sub.position_ids)
            for role, target in (("policy", old), ("reference", ref)):
                hidden = self.model.hidden_states(role, *args)
                logprobs, entropy = token_logprobs(self.model, role, hidden, sub.action_row, sub.action_pred_col,
                                                   sub.action_target, sub.action_temperature,
                                                   with_entropy=role == "policy")
                target[action_index] = logprobs
                if entropy is not None:
                    ent[action_index] = entropy
            hidden = self.model.hidden_states("critic", *args)
            if self.cfg.value_mode == "turn":
                values[flat_index(full.turn_offsets, group, device)] = values_at(
                    self.model, hidden, sub.turn_row, sub.turn_value_col)
            else:
                values[action_index] = values_at(self.model, hidden, sub.action_row, sub.action_pred_col)
        return Scores(old, ref, ent, values)

    def targets(self, full: TrainBatch, scores: Scores) -> dict:
        """Turn rewards (env − β·per-token-mean KL), returns, advantages (normalised) and value targets."""
        device = self.model.device
        action_turn = full.action_turn.to(device)
        kl_turn = adv.turn_kl(scores.old_logprobs, scores.ref_logprobs, action_turn, full.num_turns)
        rewards = adv.turn_rewards(full.turn_env_reward.to(device), kl_turn, self.cfg.kl_beta)
        returns = adv.returns_to_go(rewards, full.turn_episode.to(device), full.num_episodes)
        if self.cfg.value_mode == "turn":
            raw_turn = adv.turn_advantages(returns, scores.old_values)
            raw = adv.broadcast_to_actions(raw_turn, action_turn)
            value_targets = returns
            if self.cfg.advantage_normalization == "turn":
                normalised = adv.broadcast_to_actions(whiten(raw_turn), action_turn)
            else:
                normalised = whiten(raw) if self.cfg.advantage_normalization == "token" else raw
        else:
            token_rewards = adv.token_rewards_from_turns(rewards, action_turn)
            raw, value_targets = adv.gae_over_actions(token_rewards, scores.old_values, full.action_row.to(device),
                                                      1.0, self.cfg.gae_lambda)
            normalised = whiten(raw) if self.cfg.advantage_normalization != "none" else raw
        return {"kl_turn": kl_turn, "rewards": rewards, "returns": returns, "raw_advantages": raw,
                "advantages": normalised, "value_targets": value_targets}

    def _set_lr(self) -> float:
        scale = min(1.0, (self.updates + 1) / max(1, self.cfg.warmup_updates))
        for group in self.policy_opt.param_groups:
            group["lr"] = self.cfg.lr * scale
        for group in self.critic_opt.param_groups:
            group["lr"] = self.cfg.effective_critic_lr * scale
        return self.cfg.lr * scale

    def step(self, episodes: Sequence[Episode], current_version: int = 0) -> dict:
        if not episodes:
            raise ValueError("PPO step needs at least one episode")
        started = time.perf_counter()
        device = self.model.device
        self.model.set_train(False)
        full = build_train_batch(episodes, self.pad_id, self.cfg.train_temperature, torch.device("cpu"))
        scores = self.score(episodes, full)
        targets = self.targets(full, scores)
        self.model.set_train(True)
        totals = {"policy_loss": 0.0, "value_loss": 0.0, "clipped": 0.0, "approx_kl": 0.0, "is_weight": 0.0,
                  "is_truncated": 0.0, "value_clipped": 0.0, "grad_norm": [], "critic_grad_norm": [],
                  "policy_tokens": 0, "value_reads": 0}
        first = {}
        generator = torch.Generator().manual_seed(self.cfg.seed * 1_000_003 + self.updates)
        lengths = [len(e.sequence) for e in episodes]
        lr = self.cfg.lr
        for _ in range(self.cfg.epochs):
            order = torch.randperm(len(episodes), generator=generator).tolist()
            for minibatch in split_minibatches(order, self.cfg.minibatches):
                lr = self._set_lr()
                stats = self._update(episodes, full, scores, targets, minibatch, lengths)
                if not first:
                    first = {"first_minibatch_ratio_dev_max": stats["ratio_dev_max"],
                             "first_minibatch_clip_fraction": stats["clipped"] / max(1, stats["policy_tokens"])}
                for key in ("policy_loss", "value_loss"):
                    totals[key] += stats[key]
                for key in ("clipped", "approx_kl", "is_weight", "is_truncated", "value_clipped", "policy_tokens",
                            "value_reads"):
                    totals[key] += stats[key]
                totals["grad_norm"].append(stats["grad_norm"])
                totals["critic_grad_norm"].append(stats["critic_grad_norm"])
                self.updates += 1
        self.model.set_train(False)
        elapsed = time.perf_counter() - started
        return self._metrics(episodes, full, scores, targets, totals, first, current_version, elapsed, lr)

    def _update(self, episodes, full: TrainBatch, scores: Scores, targets: dict, minibatch: list[int],
                lengths: list[int]) -> dict:
        device = self.model.device
        action_count = full.action_offsets
        n_actions = sum(action_count[e + 1] - action_count[e] for e in minibatch)
        turn_mode = self.cfg.value_mode == "turn"
        n_values = (sum(full.turn_offsets[e + 1] - full.turn_offsets[e] for e in minibatch) if turn_mode
                    else n_actions)
        train_policy = self.updates >= self.cfg.critic_warmup_updates
        self.policy_opt.zero_grad(set_to_none=True)
        self.critic_opt.zero_grad(set_to_none=True)
        out = {"policy_loss": 0.0, "value_loss": 0.0, "clipped": 0.0, "approx_kl": 0.0, "is_weight": 0.0,
               "is_truncated": 0.0, "value_clipped": 0.0, "ratio_dev_max": 0.0, "policy_tokens": n_actions,
               "value_reads": n_values}
        for group in plan_micro_batches(minibatch, lengths, self.cfg.micro_batch_tokens):
            sub = self._sub_batch(episodes, group)
            action_index = flat_index(full.action_offsets, group, device)
            args = (sub.input_ids, sub.attention_mask, sub.position_ids)
            hidden = self.model.hidden_states("policy", *args)
            new_logprobs, _ = token_logprobs(self.model, "policy", hidden, sub.action_row, sub.action_pred_col,
                                             sub.action_target, sub.action_temperature)
            loss, stats = policy_loss(new_logprobs, scores.old_logprobs[action_index],
                                      sub.behaviour_logprobs, targets["advantages"][action_index],
                                      self.cfg.clip_eps, n_actions)
            if train_policy:
                loss.backward()
            del hidden
            out["policy_loss"] += float(loss)
            for key in ("clipped", "approx_kl", "is_weight", "is_truncated"):
                out[key] += getattr(stats, key)
            out["ratio_dev_max"] = max(out["ratio_dev_max"], stats.ratio_dev_max)  # π_θ/π_old only
            hidden = self.model.hidden_states("critic", *args)
            if turn_mode:
                value_index = flat_index(full.turn_offsets, group, device)
                predicted = values_at(self.model, hidden, sub.turn_row, sub.turn_value_col)
            else:
                value_index = action_index
                predicted = values_at(self.model, hidden, sub.action_row, sub.action_pred_col)
            v_loss, clipped = value_loss(predicted, scores.old_values[value_index],
                                         targets["value_targets"][value_index], self.cfg.value_clip, n_values)
            v_loss.backward()
            out["value_loss"] += float(v_loss)
            out["value_clipped"] += clipped
        out["grad_norm"] = float(torch.nn.utils.clip_grad_norm_(self.policy_params, self.cfg.grad_clip)) \
            if train_policy else 0.0
        out["critic_grad_norm"] = float(torch.nn.utils.clip_grad_norm_(self.critic_params, self.cfg.grad_clip))
        if train_policy:
            self.policy_opt.step()
        self.critic_opt.step()
        return out

    def _metrics(self, episodes, full: TrainBatch, scores: Scores, targets: dict, totals: dict, first: dict,
                 current_version: int, elapsed: float, lr: float) -> dict:
        updates = max(1, len(totals["grad_norm"]))
        policy_tokens = max(1, totals["policy_tokens"])
        raw_mean, raw_std = mean_and_std(targets["raw_advantages"])
        ev = explained_variance(scores.old_values, targets["value_targets"])
        env_returns = [e.env_return() for e in episodes]
        tokens = full.num_tokens
        staleness = (current_version - full.turn_policy_version).float()
        return {
            "episodes": len(episodes),
            "turns": full.num_turns,
            "tokens": tokens,
            "action_tokens": full.num_actions,
            "reward_mean": sum(env_returns) / len(env_returns),
            "final_reward_mean": float(full.turn_env_reward[full.turn_is_final].mean()),
            "return_mean": float(targets["returns"].mean()),
            "kl_penalty_mean": float((self.cfg.kl_beta * targets["kl_turn"]).mean()),
            "kl": float((scores.old_logprobs - scores.ref_logprobs).mean()) if full.num_actions else 0.0,
            "entropy": float(scores.entropy.mean()) if full.num_actions else 0.0,
            "policy_loss": totals["policy_loss"] / updates,
            "value_loss": totals["value_loss"] / updates,
            "approx_kl": totals["approx_kl"] / policy_tokens,
            "clip_fraction": totals["clipped"] / policy_tokens,
            "value_clip_fraction": totals["value_clipped"] / max(1, totals["value_reads"]),
            "is_weight_mean": totals["is_weight"] / policy_tokens,
            "is_truncated_fraction": totals["is_truncated"] / policy_tokens,
            "explained_variance": ev,
            "value_mean": float(scores.old_values.mean()),
            "grad_norm": sum(totals["grad_norm"]) / updates,
            "grad_norm_max": max(totals["grad_norm"]) if totals["grad_norm"] else 0.0,
            "critic_grad_norm": sum(totals["critic_grad_norm"]) / updates,
            "advantage_mean": float(raw_mean),
            "advantage_std": float(raw_std),
            "staleness_mean": float(staleness.mean()) if staleness.numel() else 0.0,
            "lr": lr,
            "updates": self.updates,
            "step_time_s": elapsed,
            "tokens_per_s": tokens / elapsed if elapsed > 0 else math.nan,
            **first,
        }
