"""One RLEF PPO step: score the batch with the frozen old policy/reference/critic, compute turn rewards,
returns and advantages, then K minibatch updates of the clipped policy and value losses."""
from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass
from typing import Sequence

import torch

from ..config import PPOConfig
from ..episodes import Episode
from ..model.interface import ActorCriticModel, token_logprobs, values_at
from . import advantages as adv
from .batching import TrainBatch, build_train_batch, flat_index, plan_micro_batches, split_minibatches
from .losses import policy_loss, value_loss
from .masked import explained_variance, mean_and_std, whiten
from .metrics import IS_TRUNCATION_TOLERANCE, StepMetrics, UpdateStats
from .optim import PolicyUpdater, lr_scale, make_adamw, set_lr, trainable


@dataclass
class Scores:
    """Per action: old/ref log-probs and entropy; per value read: old values."""
    old_logprobs: torch.Tensor
    ref_logprobs: torch.Tensor
    entropy: torch.Tensor
    old_values: torch.Tensor  # per turn (turn mode) or per action (token mode)


@dataclass
class Targets:
    kl_turn: torch.Tensor  # per turn: per-token mean of log π_old − log π_ref
    rewards: torch.Tensor  # per turn: env − β·kl_turn
    returns: torch.Tensor  # per turn: return-to-go
    raw_advantages: torch.Tensor  # per action, before normalisation
    advantages: torch.Tensor  # per action, as used by the loss
    value_targets: torch.Tensor  # per value read


class PPOUpdater(PolicyUpdater):
    def __init__(self, model: ActorCriticModel, cfg: PPOConfig, pad_id: int):
        super().__init__(model, cfg, pad_id)
        self.critic_named = trainable(model.critic_named_parameters())
        self.critic_params = [p for _, p in self.critic_named]
        self.critic_opt = make_adamw(self.critic_named, cfg.critic_lr, cfg, "critic")

    # ---- persistence -------------------------------------------------------------------------------
    def optimizers(self) -> dict[str, torch.optim.Optimizer]:
        return {"policy_opt": self.policy_opt, "critic_opt": self.critic_opt}

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

    def targets(self, full: TrainBatch, scores: Scores) -> Targets:
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
        return Targets(kl_turn, rewards, returns, raw, normalised, value_targets)

    def _set_lr(self) -> tuple[float, float]:
        scale = lr_scale(self.cfg, self.updates)
        return set_lr(self.policy_opt, self.cfg.lr, scale), set_lr(self.critic_opt, self.cfg.critic_lr, scale)

    def step(self, episodes: Sequence[Episode], current_version: int = 0) -> dict:
        if not episodes:
            raise ValueError("PPO step needs at least one episode")
        started = time.perf_counter()
        self.model.set_train(False)
        full = build_train_batch(episodes, self.pad_id, self.cfg.train_temperature, torch.device("cpu"))
        scores = self.score(episodes, full)
        targets = self.targets(full, scores)
        self.model.set_train(True)
        totals = UpdateStats()
        first: dict = {}
        generator = torch.Generator().manual_seed(self.cfg.seed * 1_000_003 + self.updates)
        lengths = [len(e.sequence) for e in episodes]
        lr, critic_lr = self.cfg.lr, self.cfg.critic_lr
        for _ in range(self.cfg.epochs):
            order = torch.randperm(len(episodes), generator=generator).tolist()
            for minibatch in split_minibatches(order, self.cfg.minibatches):
                lr, critic_lr = self._set_lr()
                stats = self._update(episodes, full, scores, targets, minibatch, lengths)
                if not first:
                    first = {"first_minibatch_ratio_dev_max": stats.ratio_dev_max,
                             "first_minibatch_clip_fraction": stats.clipped / max(1, stats.policy_tokens)}
                totals.add(stats)
                self.updates += 1
        self.model.set_train(False)
        elapsed = time.perf_counter() - started
        return asdict(self._metrics(episodes, full, scores, targets, totals, first, current_version, elapsed, lr,
                                    critic_lr))

    def _update(self, episodes, full: TrainBatch, scores: Scores, targets: Targets, minibatch: list[int],
                lengths: list[int]) -> UpdateStats:
        device = self.model.device
        n_actions = sum(full.action_offsets[e + 1] - full.action_offsets[e] for e in minibatch)
        turn_mode = self.cfg.value_mode == "turn"
        n_values = (sum(full.turn_offsets[e + 1] - full.turn_offsets[e] for e in minibatch) if turn_mode
                    else n_actions)
        train_policy = self.updates >= self.cfg.critic_warmup_updates
        self.policy_opt.zero_grad(set_to_none=True)
        self.critic_opt.zero_grad(set_to_none=True)
        out = UpdateStats(policy_tokens=n_actions, value_reads=n_values)
        for group in plan_micro_batches(minibatch, lengths, self.cfg.micro_batch_tokens):
            sub = self._sub_batch(episodes, group)
            action_index = flat_index(full.action_offsets, group, device)
            args = (sub.input_ids, sub.attention_mask, sub.position_ids)
            hidden = self.model.hidden_states("policy", *args)
            new_logprobs, _ = token_logprobs(self.model, "policy", hidden, sub.action_row, sub.action_pred_col,
                                             sub.action_target, sub.action_temperature)
            loss, stats = policy_loss(new_logprobs, scores.old_logprobs[action_index],
                                      sub.behaviour_logprobs, targets.advantages[action_index],
                                      self.cfg.clip_eps, n_actions, IS_TRUNCATION_TOLERANCE)
            if train_policy:
                loss.backward()
            del hidden
            out.policy_loss += float(loss)
            out.clipped += stats.clipped
            out.approx_kl += stats.approx_kl
            out.is_weight += stats.is_weight
            out.is_weight_deficit += stats.is_weight_deficit
            out.is_truncated += stats.is_truncated
            out.ratio_dev_max = max(out.ratio_dev_max, stats.ratio_dev_max)  # π_θ/π_old only
            hidden = self.model.hidden_states("critic", *args)
            if turn_mode:
                value_index = flat_index(full.turn_offsets, group, device)
                predicted = values_at(self.model, hidden, sub.turn_row, sub.turn_value_col)
            else:
                value_index = action_index
                predicted = values_at(self.model, hidden, sub.action_row, sub.action_pred_col)
            v_loss, clipped = value_loss(predicted, scores.old_values[value_index],
                                         targets.value_targets[value_index], self.cfg.value_clip, n_values)
            v_loss.backward()
            out.value_loss += float(v_loss)
            out.value_clipped += clipped
        out.grad_norms.append(float(torch.nn.utils.clip_grad_norm_(self.policy_params, self.cfg.grad_clip))
                              if train_policy else 0.0)
        out.critic_grad_norms.append(float(torch.nn.utils.clip_grad_norm_(self.critic_params, self.cfg.grad_clip)))
        if train_policy:
            self.policy_opt.step()
        self.critic_opt.step()
        return out

    def _metrics(self, episodes, full: TrainBatch, scores: Scores, targets: Targets, totals: UpdateStats,
                 first: dict, current_version: int, elapsed: float, lr: float, critic_lr: float) -> StepMetrics:
        updates = max(1, len(totals.grad_norms))
        policy_tokens = max(1, totals.policy_tokens)
        raw_mean, raw_std = mean_and_std(targets.raw_advantages)
        env_returns = [e.env_return() for e in episodes]
        tokens = full.num_tokens
        staleness = (current_version - full.turn_policy_version).float()
        return StepMetrics(
            episodes=len(episodes),
            turns=full.num_turns,
            tokens=tokens,
            action_tokens=full.num_actions,
            reward_mean=sum(env_returns) / len(env_returns),
            final_reward_mean=float(full.turn_env_reward[full.turn_is_final].mean()),
            return_mean=float(targets.returns.mean()),
            kl_penalty_mean=float((self.cfg.kl_beta * targets.kl_turn).mean()),
            kl=float((scores.old_logprobs - scores.ref_logprobs).mean()) if full.num_actions else 0.0,
            entropy=float(scores.entropy.mean()) if full.num_actions else 0.0,
            policy_loss=totals.policy_loss / updates,
            value_loss=totals.value_loss / updates,
            approx_kl=totals.approx_kl / policy_tokens,
            clip_fraction=totals.clipped / policy_tokens,
            value_clip_fraction=totals.value_clipped / max(1, totals.value_reads),
            is_weight_mean=totals.is_weight / policy_tokens,
            is_weight_deficit_mean=totals.is_weight_deficit / policy_tokens,
            is_truncated_fraction=totals.is_truncated / policy_tokens,
            is_truncation_tolerance=IS_TRUNCATION_TOLERANCE,
            explained_variance=explained_variance(scores.old_values, targets.value_targets),
            value_mean=float(scores.old_values.mean()),
            grad_norm=sum(totals.grad_norms) / updates,
            grad_norm_max=max(totals.grad_norms) if totals.grad_norms else 0.0,
            critic_grad_norm=sum(totals.critic_grad_norms) / updates,
            advantage_mean=float(raw_mean),
            advantage_std=float(raw_std),
            staleness_mean=float(staleness.mean()) if staleness.numel() else 0.0,
            lr=lr,
            critic_lr=critic_lr,
            updates=self.updates,
            step_time_s=elapsed,
            tokens_per_s=tokens / elapsed if elapsed > 0 else math.nan,
            **first,
        )
