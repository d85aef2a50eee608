"""fp32 master weights under bf16 compute: a PPO step at the paper's lr 2e-7 must move the policy.

With bf16 weights an AdamW update of ~2e-7 is below the resolution of almost every weight (a bf16 weight
w changes only when the update exceeds ~|w|/256): the step silently trains nothing. The masters stay
fp32 and only the forward pass computes in bf16; the LM and value heads run in fp32.
"""
import copy

import torch

from rlef_trainer.config import preset
from rlef_trainer.model.interface import token_logprobs, trainable_dtypes
from rlef_trainer.model.tiny import TinyActorCritic
from rlef_trainer.ppo.batching import build_train_batch
from rlef_trainer.ppo.optim import param_groups, state_dtypes
from rlef_trainer.ppo.step import PPOUpdater
from conftest import small_config
from test_ppo_step import sampled_episodes

PAPER_LR = 2e-7


def action_logits(model, episodes):
    batch = build_train_batch(episodes, 261, 1.0, torch.device("cpu"))
    with torch.no_grad():
        hidden = model.hidden_states("policy", batch.input_ids, batch.attention_mask, batch.position_ids)
        return model.lm_logits("policy", hidden[batch.action_row, batch.action_pred_col])


def logit_change_after_one_step(compute_dtype, template, episodes, base):
    model = copy.deepcopy(base)
    model.compute_dtype = compute_dtype
    before = action_logits(model, episodes)
    cfg = preset("paper", lr=PAPER_LR, critic_lr=PAPER_LR, warmup_updates=1, minibatches=1, batch_episodes=len(episodes))
    updater = PPOUpdater(model, cfg, template.pad_id)
    updater.step(episodes)
    after = action_logits(model, episodes)
    finite = before > -1e30  # suppressed special tokens sit at float32's minimum
    return (after - before)[finite].abs().mean().item(), model, updater


def test_one_bf16_step_at_the_papers_lr_moves_the_policy_as_much_as_fp32(template):
    base = TinyActorCritic(small_config(), seed=7, compute_dtype="bf16")
    episodes = sampled_episodes(base, template, count=6, seed=3)
    change_bf16, model, updater = logit_change_after_one_step("bf16", template, episodes, base)
    change_fp32, _, _ = logit_change_after_one_step("fp32", template, episodes, base)
    assert change_fp32 > 1e-6, change_fp32  # the step does something measurable in full precision
    assert change_bf16 > 0.5 * change_fp32, (change_bf16, change_fp32)
    moved = [not torch.equal(a, b) for a, b in zip(base.policy_parameters(), model.policy_parameters())]
    assert sum(moved) == len(moved)  # every policy tensor took the update
    assert trainable_dtypes(model) == {"policy": {"float32": len(moved)},
                                       "critic": {"float32": len(model.critic_parameters())}}
    assert set(state_dtypes(updater.policy_opt)) == {"torch.float32"}
    assert set(state_dtypes(updater.critic_opt)) == {"torch.float32"}


def test_bf16_compute_keeps_log_probs_in_fp32_and_close_to_fp32(template):
    model = TinyActorCritic(small_config(), seed=2, compute_dtype="bf16")
    episodes = sampled_episodes(model, template, count=2)
    batch = build_train_batch(episodes, 261, 1.0, torch.device("cpu"))
    hidden = model.hidden_states("policy", batch.input_ids, batch.attention_mask, batch.position_ids)
    logprobs, _ = token_logprobs(model, "policy", hidden, batch.action_row, batch.action_pred_col,
                                 batch.action_target, batch.action_temperature)
    values = model.value_from_hidden(hidden[batch.turn_row, batch.turn_value_col])
    assert logprobs.dtype == torch.float32 and values.dtype == torch.float32
    model.compute_dtype = "fp32"
    hidden32 = model.hidden_states("policy", batch.input_ids, batch.attention_mask, batch.position_ids)
    exact, _ = token_logprobs(model, "policy", hidden32, batch.action_row, batch.action_pred_col,
                              batch.action_target, batch.action_temperature)
    gap = (logprobs - exact).abs().max()
    assert 0 < gap < 0.1  # the body did run in bf16 (noise), but it is the same distribution


def test_parameter_groups_exempt_biases_and_norms_from_weight_decay(tiny_model):
    groups = param_groups(tiny_model.policy_named_parameters(), 0.1)
    by_name = {g["name"]: g for g in groups}
    assert by_name["decay"]["weight_decay"] == 0.1 and by_name["no_decay"]["weight_decay"] == 0.0
    assert all(p.ndim == 2 for p in by_name["decay"]["params"])
    assert all(p.ndim == 1 for p in by_name["no_decay"]["params"])
    assert sum(len(g["params"]) for g in groups) == len(tiny_model.policy_parameters())


def test_bf16_trainable_tensors_are_refused(template):
    model = TinyActorCritic(small_config(), seed=1)
    model.policy.to(torch.bfloat16)  # the old full-fine-tuning setup: bf16 weights under AdamW
    try:
        PPOUpdater(model, preset("paper"), template.pad_id)
    except TypeError as error:
        assert "float32 master weights" in str(error)
    else:
        raise AssertionError("bf16 trainable weights must be refused")
