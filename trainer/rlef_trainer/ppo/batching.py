"""Episodes → right-padded tensors plus flat indices of the model's tokens and of each turn's value read.

Only completion tokens become actions (prompt and feedback tokens are context: attended to, never
scored). Token i is predicted by the hidden state at i − 1, so actions are read at `action_col − 1`;
a turn's value is read at the last context token before its reply, which is that same position for the
reply's first token. Flat arrays are episode-major and turn-ordered, so per-episode slices are
contiguous (see `offsets`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import torch

from ..episodes import Episode


@dataclass
class TrainBatch:
    input_ids: torch.Tensor  # [B, L] right-padded
    attention_mask: torch.Tensor  # [B, L]
    position_ids: torch.Tensor  # [B, L]
    action_row: torch.Tensor  # [N] batch row of each action token
    action_col: torch.Tensor  # [N] index of the action token in its row
    action_target: torch.Tensor  # [N] the sampled token id
    action_turn: torch.Tensor  # [N] flat turn index (into the turn arrays)
    action_temperature: torch.Tensor  # [N]
    behaviour_logprobs: torch.Tensor  # [N]
    turn_row: torch.Tensor  # [M]
    turn_value_col: torch.Tensor  # [M] last context token before the reply
    turn_episode: torch.Tensor  # [M] batch row (episode index) of each turn
    turn_env_reward: torch.Tensor  # [M]
    turn_policy_version: torch.Tensor  # [M]
    turn_is_final: torch.Tensor  # [M] bool
    action_offsets: list[int]  # episode e's actions are [action_offsets[e], action_offsets[e+1])
    turn_offsets: list[int]

    @property
    def action_pred_col(self) -> torch.Tensor:
        return self.action_col - 1

    @property
    def action_episode(self) -> torch.Tensor:
        return self.action_row

    @property
    def num_episodes(self) -> int:
        return self.input_ids.shape[0]

    @property
    def num_turns(self) -> int:
        return self.turn_row.shape[0]

    @property
    def num_actions(self) -> int:
        return self.action_row.shape[0]

    @property
    def num_tokens(self) -> int:
        return int(self.attention_mask.sum())


def build_train_batch(episodes: Sequence[Episode], pad_id: int, default_temperature: float,
                      device: torch.device) -> TrainBatch:
    width = max(len(e.sequence) for e in episodes)
    input_ids = torch.full((len(episodes), width), pad_id, dtype=torch.long)
    attention_mask = torch.zeros((len(episodes), width), dtype=torch.long)
    action_row, action_col, action_turn, action_temp, behaviour = [], [], [], [], []
    turn_row, turn_col, turn_reward, turn_version, turn_final = [], [], [], [], []
    action_offsets, turn_offsets = [0], [0]
    for row, episode in enumerate(episodes):
        sequence = episode.sequence
        input_ids[row, :len(sequence)] = torch.tensor(sequence, dtype=torch.long)
        attention_mask[row, :len(sequence)] = 1
        for index, turn in enumerate(episode.turns):
            flat_turn = len(turn_row)
            start = len(turn.prompt_ids)
            turn_row.append(row)
            turn_col.append(start - 1)
            turn_reward.append(turn.reward)
            turn_version.append(turn.policy_version)
            turn_final.append(index == len(episode.turns) - 1)
            temperature = turn.temperature if turn.temperature is not None else default_temperature
            for offset, logprob in enumerate(turn.behaviour_logprobs):
                action_row.append(row)
                action_col.append(start + offset)
                action_turn.append(flat_turn)
                action_temp.append(temperature)
                behaviour.append(logprob)
        action_offsets.append(len(action_row))
        turn_offsets.append(len(turn_row))
    ids = torch.tensor(action_col, dtype=torch.long)
    rows = torch.tensor(action_row, dtype=torch.long)

    def put(values, dtype=torch.long):
        return torch.tensor(values, dtype=dtype, device=device)

    return TrainBatch(
        input_ids=input_ids.to(device),
        attention_mask=attention_mask.to(device),
        position_ids=torch.arange(width, device=device).unsqueeze(0).expand(len(episodes), width).contiguous(),
        action_row=rows.to(device),
        action_col=ids.to(device),
        action_target=input_ids[rows, ids].to(device),
        action_turn=put(action_turn),
        action_temperature=put(action_temp, torch.float32),
        behaviour_logprobs=put(behaviour, torch.float32),
        turn_row=put(turn_row),
        turn_value_col=put(turn_col),
        turn_episode=put(turn_row),
        turn_env_reward=put(turn_reward, torch.float32),
        turn_policy_version=put(turn_version),
        turn_is_final=put(turn_final, torch.bool),
        action_offsets=action_offsets,
        turn_offsets=turn_offsets,
    )


def flat_index(offsets: Sequence[int], episode_indices: Sequence[int], device: torch.device) -> torch.Tensor:
    """Global flat indices of the given episodes' actions (or turns), in the sub-batch's order."""
    parts = [torch.arange(offsets[e], offsets[e + 1]) for e in episode_indices]
    return (torch.cat(parts) if parts else torch.zeros(0, dtype=torch.long)).to(device)


def plan_micro_batches(episode_indices: Sequence[int], lengths: Sequence[int], token_budget: int) -> list[list[int]]:
    """Split episodes (in the given order) into groups whose padded size (count × longest) fits the budget."""
    groups: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for index in episode_indices:
        candidate = max(longest, lengths[index])
        if current and candidate * (len(current) + 1) > token_budget:
            groups.append(current)
            current, candidate = [], lengths[index]
        current.append(index)
        longest = candidate
    if current:
        groups.append(current)
    return groups


def split_minibatches(order: Sequence[int], count: int) -> list[list[int]]:
    """`count` nearly equal consecutive groups of `order` (fewer when there are fewer episodes)."""
    count = max(1, min(count, len(order)))
    size, extra = divmod(len(order), count)
    groups, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        groups.append(list(order[start:end]))
        start = end
    return groups
