import random

import torch

from checks import toy_env
from rlef_trainer.model.tokenizer import ByteChatTemplate
from rlef_trainer.ppo.batching import build_train_batch
from checks.warmup import copy_example, format_example, format_logprobs


def test_feedback_is_the_papers_wrong_answer_message():
    attempt = toy_env.judge(toy_env.reply_for(3), 7)
    assert not attempt.passed
    assert toy_env.feedback(attempt, 7) == (
        "Your code failed the following tests:\n\n- input `` failed:\nExpected output `7` but got `3`\n\n"
        "Give it another try.\nYour code should be enclosed in triple backticks like so: ```python YOUR CODE HERE ```. "
        "Use the backticks for your code only.")
    assert toy_env.judge(toy_env.reply_for(7), 7).passed


def test_rewards_and_invalid_replies():
    invalid = toy_env.judge("no code here", 4)
    assert invalid.code is None
    assert toy_env.turn_reward(invalid, is_final=False) == -0.2
    assert toy_env.turn_reward(invalid, is_final=True) == -1.0  # docs/method.md §4.3: −1, not −1.2
    assert toy_env.turn_reward(toy_env.judge(toy_env.reply_for(4), 4), is_final=False) == 1.0
    assert "did not contain a code block" in toy_env.feedback(invalid, 4)


def test_runtime_errors_run_for_real_and_report_the_last_traceback_line():
    attempt = toy_env.judge("```python\nprint(1/0)\n```", 1)
    assert attempt.error.startswith("ZeroDivisionError") and not attempt.passed
    assert "ZeroDivisionError" in toy_env.feedback(attempt, 1) and "Expected output" not in toy_env.feedback(attempt, 1)


def test_turn_one_prompt_never_contains_a_digit():
    for style in ("compact", "paper"):
        assert not any(ch.isdigit() for ch in toy_env.initial_prompt(style))


def test_warm_up_supervises_the_digit_class_on_the_toy_and_the_exact_digit_when_copying(tiny_model):
    template = ByteChatTemplate()
    rng = random.Random(0)
    episodes = [copy_example(rng, template), format_example(rng, template, 1, "compact")]
    data = build_train_batch(episodes, template.pad_id, 1.0, tiny_model.device)
    hidden = tiny_model.hidden_states("policy", data.input_ids, data.attention_mask, data.position_ids)
    exact_rows = torch.tensor([True, False])
    got = format_logprobs(tiny_model, hidden, data, exact_rows)
    logits = tiny_model.lm_logits("policy", hidden[data.action_row, data.action_pred_col]).float()
    logprobs = torch.log_softmax(logits, -1)
    digit = (data.action_target >= 48) & (data.action_target <= 57)
    copy_digit = digit & (data.action_row == 0)
    toy_digit = digit & (data.action_row == 1)
    assert copy_digit.sum() == 1 and toy_digit.sum() == 1
    exact = logprobs.gather(-1, data.action_target.unsqueeze(-1)).squeeze(-1)
    assert torch.allclose(got[copy_digit], exact[copy_digit])
    assert torch.allclose(got[toy_digit], torch.logsumexp(logprobs[toy_digit][:, 48:58], -1))
    assert torch.allclose(got[~digit], exact[~digit])
