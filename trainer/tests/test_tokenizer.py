from rlef_trainer.model.tokenizer import (ASSISTANT_ID, BOS_ID, EOT_ID, USER_ID, ByteChatTemplate, ChatMessage)


def test_render_layout_and_generation_prompt(template: ByteChatTemplate):
    ids = template.render([ChatMessage("user", "hé")])
    assert ids == [BOS_ID, USER_ID, 104, 0xC3, 0xA9, EOT_ID, ASSISTANT_ID]
    assert template.render([ChatMessage("user", "x")], add_generation_prompt=False)[-1] == EOT_ID


def test_history_with_reply_extends_the_previous_prompt_plus_sampled_ids(template: ByteChatTemplate):
    """Prefix property: turn t+1's context = turn t's context + the exact completion ids + new context."""
    first = [ChatMessage("user", "solve it")]
    prompt_1 = template.render(first)
    completion = template.encode_text("```python\nprint(1)\n```") + [EOT_ID]
    reply_text = template.decode(completion)
    assert reply_text == "```python\nprint(1)\n```"
    for reply in (ChatMessage("assistant", reply_text), ChatMessage("assistant", reply_text, tuple(completion))):
        prompt_2 = template.render(first + [reply, ChatMessage("user", "Your code failed")])
        assert prompt_2[:len(prompt_1) + len(completion)] == prompt_1 + completion
        assert prompt_2[-1] == ASSISTANT_ID


def test_token_ids_survive_invalid_utf8(template: ByteChatTemplate):
    completion = [0xFF, 0xFE, 65, EOT_ID]  # not UTF-8: the text round trip cannot be exact
    text = template.decode(completion)
    assert template.encode_text(text) != completion[:-1]
    prompt = template.render([ChatMessage("user", "q")])
    history = template.render([ChatMessage("user", "q"), ChatMessage("assistant", text, tuple(completion)),
                               ChatMessage("user", "again")])
    assert history[:len(prompt) + len(completion)] == prompt + completion


def test_truncated_reply_is_closed_with_a_context_eot(template: ByteChatTemplate):
    cut = (72, 105)  # sampled until max_tokens: no EOT
    prompt = template.render([ChatMessage("user", "q")])
    history = template.render([ChatMessage("user", "q"), ChatMessage("assistant", "Hi", cut), ChatMessage("user", "u")])
    assert history[:len(prompt) + 2] == prompt + list(cut)
    assert history[len(prompt) + 2] == EOT_ID


def test_decode_shows_special_tokens_by_name(template: ByteChatTemplate):
    assert template.decode([65, USER_ID, 66, EOT_ID]) == "A<|user|>B"
    assert template.token_bytes(EOT_ID) == list(b"<|end|>")
