"""The SFT baseline (paper Table 3): loss on the assistant replies of successful trajectories only."""
import pytest

from rlef_trainer.config import preset
from rlef_trainer.engine import TrainerEngine
from rlef_trainer.model.tiny import TinyActorCritic
from rlef_trainer.model.tokenizer import ASSISTANT_ID, EOT_ID, ByteChatTemplate, ChatMessage
from rlef_trainer.sft.examples import tokenize_conversation
from rlef_trainer.validation import FieldError
from conftest import small_config

CONVERSATION = [{"role": "user", "content": "Print 7."}, {"role": "assistant", "content": "print(8)"},
                {"role": "user", "content": "Expected output `7`"}, {"role": "assistant", "content": "print(7)"}]


def messages():
    return [ChatMessage(m["role"], m["content"]) for m in CONVERSATION]


def masked_text(template, loss_on):
    ids, mask = tokenize_conversation(template, messages(), loss_on, "examples[0]")
    return bytes(t for t, m in zip(ids, mask) if m and t < 256).decode(), [t for t, m in zip(ids, mask) if m]


def test_loss_on_final_reply_only_or_on_every_reply(template):
    text, tokens = masked_text(template, "final")
    assert text == "print(7)" and tokens[-1] == EOT_ID  # the reply and its end-of-turn token; no prompt or feedback
    text, _ = masked_text(template, "all")
    assert text == "print(8)print(7)"
    ids, mask = tokenize_conversation(template, messages(), "all", "examples[0]")
    assert not any(m for t, m in zip(ids, mask) if t == ASSISTANT_ID)  # role headers are context


def test_a_conversation_must_end_with_the_reply(template):
    with pytest.raises(FieldError) as caught:
        tokenize_conversation(template, messages()[:3], "final", "examples[2]")
    assert caught.value.field == "examples[2].messages"


def test_sft_steps_lower_the_loss_on_the_replies_and_leave_the_critic_alone():
    model = TinyActorCritic(small_config(), seed=3)
    engine = TrainerEngine(model, ByteChatTemplate(), preset("tiny"))
    reply = engine.register_run({"run_id": "sft-1", "model": "builtin:tiny",
                                 "config": {"algo": "sft", "lr": 3e-3, "batch_episodes": 4, "warmup_updates": 1,
                                            "lr_schedule": "constant"}})
    assert reply["config"]["algo"] == "sft"
    critic = [p.detach().clone() for p in model.critic_parameters()]
    losses = []
    for step in range(8):
        examples = [{"example_id": f"x{step}-{i}", "messages": CONVERSATION} for i in range(4)]
        result = engine.submit_examples("sft-1", examples)
        losses.append(result["steps"][0]["sft_loss"])
    assert all(b < a for a, b in zip(losses, losses[1:])) and losses[-1] < 0.85 * losses[0], losses
    assert all(a.equal(b) for a, b in zip(critic, model.critic_parameters()))
    with pytest.raises(Exception) as caught:  # PPO episodes are refused by an SFT run
        engine.submit_episodes("sft-1", [])
    assert "sft run" in str(caught.value)


def test_a_conversation_longer_than_the_context_is_skipped_and_reported_not_fatal():
    model = TinyActorCritic(small_config(max_seq_len=64), seed=3)
    engine = TrainerEngine(model, ByteChatTemplate(), preset("tiny"))
    engine.register_run({"run_id": "sft-2", "model": "builtin:tiny", "config": {"algo": "sft", "batch_episodes": 8}})
    long = [{"role": "user", "content": "x" * 100}, {"role": "assistant", "content": "print(1)"}]
    result = engine.submit_examples("sft-2", [{"example_id": "long", "messages": long},
                                              {"example_id": "ok", "messages": CONVERSATION}])
    assert result["accepted"] == ["ok"] and [r["example_id"] for r in result["rejected"]] == ["long"]
    assert "max_seq_len 64" in result["rejected"][0]["reason"]
