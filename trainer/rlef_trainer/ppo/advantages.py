"""Per-turn rewards, returns-to-go and advantages (docs/method.md §4.4, §5, §6.2), on flat per-turn / per-action tensors.

Turn-level (the paper): r_t = env_t − β · mean over reply t's tokens of (log π_old − log π_ref);
G_t = Σ_{s ≥ t} r_s (γ = 1); A_t = G_t − V(c_t), shared by every token of reply t.
Token-level (ablation): one value per action token, GAE over the episode's action tokens only, with each
turn's reward placed on that turn's last token.
"""
from __future__ import annotations

import torch

from .masked import segment_mean


def turn_kl(old_logprobs: torch.Tensor, ref_logprobs: torch.Tensor, action_turn: torch.Tensor,
            num_turns: int) -> torch.Tensor:
    """Per-token mean of log π_old − log π_ref over each reply (the paper's geometric-mean choice)."""
    return segment_mean(old_logprobs - ref_logprobs, action_turn, num_turns)


def turn_rewards(env_rewards: torch.Tensor, kl_per_turn: torch.Tensor, beta: float) -> torch.Tensor:
    return env_rewards - beta * kl_per_turn


def returns_to_go(rewards: torch.Tensor, turn_episode: torch.Tensor, num_episodes: int) -> torch.Tensor:
    """Σ of rewards from each turn to the end of its episode. Turns must be grouped by episode, in order."""
    running = torch.cumsum(rewards, 0)
    episode_total = torch.zeros(num_episodes, dtype=rewards.dtype, device=rewards.device).index_add_(
        0, turn_episode, rewards)
    episode_start = torch.cumsum(episode_total, 0) - episode_total  # running sum before each episode
    return episode_total[turn_episode] - (running - rewards - episode_start[turn_episode])


def turn_advantages(returns: torch.Tensor, turn_values: torch.Tensor) -> torch.Tensor:
    return returns - turn_values


def broadcast_to_actions(per_turn: torch.Tensor, action_turn: torch.Tensor) -> torch.Tensor:
    return per_turn[action_turn]


def token_rewards_from_turns(per_turn_rewards: torch.Tensor, action_turn: torch.Tensor) -> torch.Tensor:
    """Place each turn's reward on its last action token (so the terminal reward lands on a model token)."""
    rewards = torch.zeros(action_turn.shape[0], dtype=per_turn_rewards.dtype, device=per_turn_rewards.device)
    if action_turn.numel() == 0:
        return rewards
    is_last = torch.ones_like(action_turn, dtype=torch.bool)
    is_last[:-1] = action_turn[1:] != action_turn[:-1]
    rewards[is_last] = per_turn_rewards[action_turn[is_last]]
    return rewards


def gae_over_actions(rewards: torch.Tensor, values: torch.Tensor, action_episode: torch.Tensor,
                     gamma: float = 1.0, lam: float = 1.0) -> tuple[torch.Tensor, torch.Tensor]:
    """GAE on the compressed action-token sequence of each episode (context tokens never enter).

    Actions must be grouped by episode, in order. Returns (advantages, returns = advantages + values).
    """
    r, v, ep = rewards.tolist(), values.tolist(), action_episode.tolist()
    adv = [0.0] * len(r)
    running = 0.0
    for index in range(len(r) - 1, -1, -1):
        episode_ends = index == len(r) - 1 or ep[index + 1] != ep[index]
        next_value = 0.0 if episode_ends else v[index + 1]
        running = 0.0 if episode_ends else running
        running = r[index] + gamma * next_value - v[index] + gamma * lam * running
        adv[index] = running
    advantages = torch.tensor(adv, dtype=rewards.dtype, device=rewards.device)
    return advantages, advantages + values
