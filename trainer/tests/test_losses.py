import math

import torch

from rlef_trainer.model.interface import token_logprobs
from rlef_trainer.ppo.batching import build_train_batch
from rlef_trainer.ppo.losses import policy_loss, value_loss
from helpers import one_turn_episode, two_turn_episode

LOG = math.log


def loss_and_grad(new, old, behaviour, advantage, eps=0.2):
    new_t = torch.tensor([new], requires_grad=True)
    loss, stats = policy_loss(new_t, torch.tensor([old]), torch.tensor([behaviour]), torch.tensor([advantage]), eps, 1.0)
    loss.backward()
    return float(loss), float(new_t.grad), stats


def test_clipped_policy_loss_by_hand():
    # ratio 1.5, behaviour = old: weight 1. A > 0: the clipped term (−1.2) is active, no gradient.
    loss, grad, stats = loss_and_grad(LOG(0.6), LOG(0.4), LOG(0.4), 1.0)
    assert abs(loss - (-1.2)) < 1e-6 and grad == 0.0 and stats.clipped == 1
    # A < 0: the unclipped term 1.5 is larger: loss 1.5, d/dlogπ = −A·ratio = 1.5
    loss, grad, stats = loss_and_grad(LOG(0.6), LOG(0.4), LOG(0.4), -1.0)
    assert abs(loss - 1.5) < 1e-6 and abs(grad - 1.5) < 1e-6 and stats.clipped == 0
    # inside the trust region: plain −A·ratio
    loss, grad, _ = loss_and_grad(LOG(0.42), LOG(0.4), LOG(0.4), 2.0)
    assert abs(loss - (-2.0 * 1.05)) < 1e-5 and abs(grad - (-2.1)) < 1e-5


def test_truncated_importance_weight_multiplies_the_ratio_under_stop_grad():
    # π_θ = π_old = 0.4, π_b = 0.8: weight min(0.5, 1) = 0.5, so r = 0.5 (below 1 − ε).
    loss, grad, stats = loss_and_grad(LOG(0.4), LOG(0.4), LOG(0.8), 1.0)
    assert abs(loss - (-0.5)) < 1e-6  # max(−0.5, −0.8)
    assert abs(grad - (-0.5)) < 1e-6  # stop-grad: a differentiated weight would double this to −1.0
    assert stats.is_truncated == 1 and abs(stats.is_weight - 0.5) < 1e-6
    # π_θ above π_b: the weight is capped at 1
    _, _, stats = loss_and_grad(LOG(0.9), LOG(0.9), LOG(0.3), 1.0)
    assert stats.is_weight == 1.0 and stats.is_truncated == 0


def test_value_loss_clips_around_the_old_value():
    values = torch.tensor([1.0, 0.1], requires_grad=True)
    old = torch.tensor([0.5, 0.0])
    returns = torch.tensor([1.0, -1.0])
    loss, clipped = value_loss(values, old, returns, 0.2, 2.0)
    # value 1: max((1−1)², (0.7−1)²) = 0.09 → 0.045; value 2: max(1.21, (0.1+1)²) = 1.21 → 0.605
    assert abs(float(loss) - (0.045 + 0.605) / 2) < 1e-6
    assert clipped == 1
    loss.backward()
    assert values.grad[0] == 0.0  # the clipped branch is active and flat in V
    assert abs(float(values.grad[1]) - 1.1 / 2) < 1e-6


def test_gradients_at_prompt_and_feedback_positions_are_exactly_zero(tiny_model):
    batch = build_train_batch([two_turn_episode(), one_turn_episode()], 261, 1.0, torch.device("cpu"))
    hidden = tiny_model.hidden_states("policy", batch.input_ids, batch.attention_mask, batch.position_ids)
    hidden.retain_grad()
    new, _ = token_logprobs(tiny_model, "policy", hidden, batch.action_row, batch.action_pred_col,
                            batch.action_target, batch.action_temperature)
    advantages = torch.tensor([0.5, 0.5, -1.0, -1.0, -1.0, 2.0])
    loss, _ = policy_loss(new, new.detach(), new.detach(), advantages, 0.2, batch.num_actions)
    loss.backward()
    scored = torch.zeros_like(batch.input_ids, dtype=torch.bool)
    scored[batch.action_row, batch.action_pred_col] = True
    grad_norm = hidden.grad.abs().sum(-1)
    assert torch.all(grad_norm[~scored] == 0)  # context tokens, feedback tokens and padding: exactly zero
    assert torch.all(grad_norm[scored] > 0)
