"""The Hugging Face formatter without transformers: splicing of exact reply ids, the prefix property the
trainer checks, and the date pinned across midnight (a multi-day run must not fail on its first night)."""
import datetime as dt

import pytest

from rlef_trainer.episodes import parse_episode
from rlef_trainer.model.hf_chat import HFChatFormatter
from rlef_trainer.model.tokenizer import ChatMessage
from rlef_trainer.validation import FieldError
from stub_hf_tokenizer import StubClock, StubLlamaTokenizer

BEFORE_MIDNIGHT = dt.datetime(2025, 3, 14, 23, 59, 58)
AFTER_MIDNIGHT = dt.datetime(2025, 3, 15, 0, 0, 3)


def formatter(clock, date=None):
    tokenizer = StubLlamaTokenizer(clock)
    fmt = HFChatFormatter(tokenizer, [tokenizer.eos_token_id], 3000, date=date)
    return fmt, tokenizer


def two_turn_episode(fmt, tokenizer, clock, reply_text="```python\nprint(1)\n```"):
    """Turn 1 before midnight, turn 2 after, each rendered as the trainer renders a chat request."""
    user = ChatMessage("user", "Print the hidden number N.")
    clock.now = BEFORE_MIDNIGHT
    prompt_1 = fmt.render([user])
    completion = tokenizer(reply_text)["input_ids"] + [tokenizer.eos_token_id]  # as sampled, ending in EOT
    clock.now = AFTER_MIDNIGHT
    history = [user, ChatMessage("assistant", reply_text, tuple(completion)),
               ChatMessage("user", "Your code failed the following tests:\n\n- input `` failed")]
    prompt_2 = fmt.render(history)
    raw = {"episode_id": "e", "turns": [
        {"prompt_ids": prompt_1, "completion_ids": completion, "behaviour_logprobs": [-0.5] * len(completion),
         "reward": 0.0},
        {"prompt_ids": prompt_2, "completion_ids": [256, tokenizer.eos_token_id], "behaviour_logprobs": [-0.5, -0.5],
         "reward": 1.0}]}
    return raw, prompt_1, completion, prompt_2


def test_a_turn_after_midnight_extends_the_previous_turn_exactly():
    clock = StubClock(BEFORE_MIDNIGHT)
    fmt, tokenizer = formatter(clock, date=BEFORE_MIDNIGHT.date())  # the trainer started that day
    raw, prompt_1, completion, prompt_2 = two_turn_episode(fmt, tokenizer, clock)
    assert prompt_2[:len(prompt_1) + len(completion)] == prompt_1 + completion
    episode = parse_episode(raw, "episodes[0]", 3000, 10_000)  # the trainer's prefix check accepts it
    assert len(episode.turns) == 2
    assert "Today Date: 14 Mar 2025" in tokenizer.decode(prompt_2)  # the pinned day, not the clock's


def test_the_unpinned_clock_would_break_the_prefix_check():
    """What happened before the date was pinned: the template reads the clock, turn 2 is a different text."""
    clock = StubClock(BEFORE_MIDNIGHT)
    fmt, tokenizer = formatter(clock)
    fmt.template_kwargs = lambda: {}  # the template falls back to strftime_now, i.e. the clock
    raw, *_ = two_turn_episode(fmt, tokenizer, clock)
    with pytest.raises(FieldError) as caught:
        parse_episode(raw, "episodes[0]", 3000, 10_000)
    assert caught.value.field == "episodes[0].turns[1].prompt_ids"


def test_a_run_pins_its_own_date_and_the_template_never_sees_the_clock():
    clock = StubClock(AFTER_MIDNIGHT)
    fmt, tokenizer = formatter(clock)
    fmt.pin_date("2024-07-26")
    text = tokenizer.decode(fmt.render([ChatMessage("user", "hi")]))
    assert "Today Date: 26 Jul 2024" in text and "15 Mar 2025" not in text
    assert fmt.describe()["chat_template_date"] == "2024-07-26"


def test_spliced_reply_keeps_ids_that_re_tokenising_would_change():
    """The reply's ids are not what tokenising its text gives (merges across the boundary): splicing keeps them."""
    clock = StubClock(BEFORE_MIDNIGHT)
    fmt, tokenizer = formatter(clock)
    reply_ids = tokenizer("`")["input_ids"] * 3 + tokenizer("\n")["input_ids"] + [tokenizer.eos_token_id]
    text = tokenizer.decode(reply_ids[:-1])
    assert tokenizer(text)["input_ids"] != reply_ids[:-1]  # "```\n" re-tokenises as the "```" merge
    prompt = fmt.render([ChatMessage("user", "q")])
    history = fmt.render([ChatMessage("user", "q"), ChatMessage("assistant", text, tuple(reply_ids)),
                          ChatMessage("user", "again")])
    assert history[:len(prompt) + len(reply_ids)] == prompt + reply_ids
    # the template's own <|eot_id|> after the reply was dropped (the sampled one closes the turn)
    assert history[len(prompt) + len(reply_ids)] != tokenizer.eos_token_id


def test_a_reply_cut_by_max_tokens_is_closed_by_the_template():
    clock = StubClock(BEFORE_MIDNIGHT)
    fmt, tokenizer = formatter(clock)
    cut = tuple(tokenizer("print")["input_ids"])  # no end token: finish_reason "length"
    prompt = fmt.render([ChatMessage("user", "q")])
    history = fmt.render([ChatMessage("user", "q"), ChatMessage("assistant", "print", cut), ChatMessage("user", "u")])
    assert history[:len(prompt) + len(cut)] == prompt + list(cut)
    assert history[len(prompt) + len(cut)] == tokenizer.eos_token_id  # context, not a completion token
