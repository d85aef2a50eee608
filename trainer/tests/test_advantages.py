import math

import torch

from rlef_trainer.config import PPOConfig
from rlef_trainer.ppo import advantages as adv
from rlef_trainer.ppo.batching import build_train_batch
from rlef_trainer.ppo.step import PPOUpdater, Scores
from helpers import one_turn_episode, two_turn_episode

CPU = torch.device("cpu")


def test_kl_is_the_per_token_mean_within_each_reply():
    old = torch.tensor([-1.0, -2.0, -1.0, -1.0, -1.0, -0.5])
    ref = torch.tensor([-1.5, -1.5, -2.0, -2.0, -2.3, -0.7])
    turn = torch.tensor([0, 0, 1, 1, 1, 2])
    kl = adv.turn_kl(old, ref, turn, 3)
    assert torch.allclose(kl, torch.tensor([0.0, 1.1, 0.2]), atol=1e-6)  # mean, not sum (sum would be 3.3)


def test_returns_to_go_are_per_episode_and_undiscounted():
    rewards = torch.tensor([0.0, 0.945, -1.01, -0.2, 0.0, 1.0])
    episode = torch.tensor([0, 0, 1, 2, 2, 2])
    returns = adv.returns_to_go(rewards, episode, 3)
    assert torch.allclose(returns, torch.tensor([0.945, 0.945, -1.01, 0.8, 1.0, 1.0]), atol=1e-6)


def test_turn_level_targets_by_hand():
    """Episode a: rewards (0, +1), episode b: (−1). β = 0.05. Values at the two context ends of a and at b's."""
    episodes = [two_turn_episode(), one_turn_episode()]
    batch = build_train_batch(episodes, 261, 1.0, CPU)
    scores = Scores(old_logprobs=torch.tensor([-1.0, -2.0, -1.0, -1.0, -1.0, -0.5]),
                    ref_logprobs=torch.tensor([-1.5, -1.5, -2.0, -2.0, -2.3, -0.7]),
                    entropy=torch.zeros(6), old_values=torch.tensor([0.5, 0.2, -0.3]))
    updater = PPOUpdater.__new__(PPOUpdater)  # only targets(): no model or optimizer needed
    updater.cfg = PPOConfig(kl_beta=0.05, advantage_normalization="none")
    updater.model = type("M", (), {"device": CPU})()
    targets = updater.targets(batch, scores)
    # rewards: a1 = 0 − 0.05·0 = 0; a2 = 1 − 0.05·1.1 = 0.945; b1 = −1 − 0.05·0.2 = −1.01
    assert torch.allclose(targets.rewards, torch.tensor([0.0, 0.945, -1.01]), atol=1e-6)
    assert torch.allclose(targets.returns, torch.tensor([0.945, 0.945, -1.01]), atol=1e-6)
    # advantages = return-to-go − V(context), shared by every token of the reply
    expected = torch.tensor([0.445, 0.445, 0.745, 0.745, 0.745, -0.71])
    assert torch.allclose(targets.advantages, expected, atol=1e-6)
    updater.cfg = PPOConfig(kl_beta=0.05, advantage_normalization="token")
    whitened = updater.targets(batch, scores).advantages
    mean = expected.mean()
    std = math.sqrt(((expected - mean) ** 2).mean())
    assert torch.allclose(whitened, (expected - mean) / std, atol=1e-5)


def test_token_rewards_land_on_the_last_token_of_each_reply():
    turn = torch.tensor([0, 0, 1, 1, 1, 2])
    rewards = adv.token_rewards_from_turns(torch.tensor([0.25, 1.0, -1.0]), turn)
    assert rewards.tolist() == [0.0, 0.25, 0.0, 0.0, 1.0, -1.0]


def brute_force_gae(rewards, values, gamma, lam):
    n = len(rewards)
    out = []
    for t in range(n):
        total = 0.0
        for k in range(t, n):
            next_value = values[k + 1] if k + 1 < n else 0.0
            delta = rewards[k] + gamma * next_value - values[k]
            total += (gamma * lam) ** (k - t) * delta
        out.append(total)
    return out


def test_gae_over_actions_matches_brute_force_per_episode():
    rewards = torch.tensor([0.0, 0.3, 0.0, 1.0, 0.0, -1.0])
    values = torch.tensor([0.2, -0.1, 0.4, 0.3, 0.1, 0.5])
    episode = torch.tensor([0, 0, 0, 0, 1, 1])
    for lam in (1.0, 0.95):
        got, returns = adv.gae_over_actions(rewards, values, episode, 1.0, lam)
        want = brute_force_gae([0.0, 0.3, 0.0, 1.0], [0.2, -0.1, 0.4, 0.3], 1.0, lam) + \
            brute_force_gae([0.0, -1.0], [0.1, 0.5], 1.0, lam)
        assert torch.allclose(got, torch.tensor(want), atol=1e-6)
        assert torch.allclose(returns, got + values)


def test_feedback_tokens_do_not_change_token_level_advantages():
    """Context (feedback) tokens never enter the compressed action sequence: inserting more of them
    between replies leaves every action's advantage unchanged (the carry-forward property)."""
    short = two_turn_episode()
    long = two_turn_episode()
    extra = [30] * 9
    long.turns[1].prompt_ids = long.turns[0].prompt_ids + long.turns[0].completion_ids + extra + [259]
    results = []
    for episode in (short, long):
        batch = build_train_batch([episode], 261, 1.0, CPU)
        rewards = adv.token_rewards_from_turns(torch.tensor([0.0, 1.0]), batch.action_turn)
        values = torch.tensor([0.1, 0.2, 0.3, 0.4, 0.5])
        results.append(adv.gae_over_actions(rewards, values, batch.action_row, 1.0, 0.9)[0])
    assert torch.equal(results[0], results[1])
