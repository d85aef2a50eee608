"""The chat formatter for Hugging Face models: the model's own chat template renders the text; assistant
messages that carry `token_ids` are spliced in as exactly those ids (never re-tokenised: templates and
BPE merges are not prefix-preserving), and the template's date is pinned.

Llama 3.x templates write "Today Date: <d M Y>" from the clock (`strftime_now`, or a `date_string`
variable when the caller passes one). A turn rendered after midnight would then no longer start with
the previous turn's ids, the episode would fail the trainer's prefix check, and a multi-day run would
fail on its first night. Every render passes both `date_string` and a `strftime_now` that answers with
the pinned date (template variables shadow the environment's globals), so the rendering never reads
the clock. The date is the run's (`chat_template_date`), or the trainer's start date until a run
registers one. Imports nothing from transformers: the tokenizer is passed in.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence

from .tokenizer import ChatMessage

PLACEHOLDER = "\ue000RLEF_REPLY_{}\ue001"  # private-use characters: cannot collide with real text


def parse_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


class HFChatFormatter:
    def __init__(self, tokenizer, stop_ids: Sequence[int], vocab_size: int, date: Optional[dt.date] = None):
        self.tokenizer = tokenizer
        self.stop_ids = frozenset(int(i) for i in stop_ids)
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else min(self.stop_ids)
        self.vocab_size = vocab_size
        self.name = f"hf:{getattr(tokenizer, 'name_or_path', 'tokenizer')}"
        self.date = date or dt.date.today()

    def pin_date(self, date: Optional[str]) -> None:
        if date:
            self.date = parse_date(date)

    def template_kwargs(self) -> dict:
        pinned = dt.datetime.combine(self.date, dt.time(12, 0))
        return {"date_string": pinned.strftime("%d %b %Y"), "strftime_now": pinned.strftime}

    def _encode(self, text: str) -> list[int]:
        return list(self.tokenizer(text, add_special_tokens=False)["input_ids"]) if text else []

    def _text(self, messages: list[dict], add_generation_prompt: bool) -> str:
        text = self.tokenizer.apply_chat_template(messages, add_generation_prompt=add_generation_prompt,
                                                  tokenize=False, **self.template_kwargs())
        if not isinstance(text, str):
            raise TypeError(f"apply_chat_template(tokenize=False) returned {type(text).__name__}, not str")
        return text

    def render(self, messages: Sequence[ChatMessage], add_generation_prompt: bool = True) -> list[int]:
        spliced = {}
        plain = []
        for index, message in enumerate(messages):
            content = message.content
            if message.token_ids is not None:
                content = PLACEHOLDER.format(index)
                spliced[content] = list(message.token_ids)
            plain.append({"role": message.role, "content": content})
        rest = self._text(plain, add_generation_prompt)
        ids: list[int] = []
        for marker, reply_ids in spliced.items():
            before, found, rest = rest.partition(marker)
            if not found:
                raise ValueError("the chat template dropped an assistant message; cannot splice its token ids")
            ids += self._encode(before)
            ids += reply_ids
            rest = self._close_turn(rest, reply_ids)
        ids += self._encode(rest)
        return ids

    def _close_turn(self, rest: str, reply_ids: list[int]) -> str:
        """A reply that ends with its sampled end-of-turn token already closes the turn: drop the template's
        copy. A reply cut by max_tokens keeps the template's end token, as context."""
        if reply_ids and reply_ids[-1] in self.stop_ids:
            end_text = self.tokenizer.decode([reply_ids[-1]])
            if end_text and rest.startswith(end_text):
                return rest[len(end_text):]
        return rest

    def decode(self, ids: Sequence[int]) -> str:
        body = list(ids[:-1]) if ids and ids[-1] in self.stop_ids else list(ids)
        return self.tokenizer.decode(body, skip_special_tokens=True)

    def token_text(self, token: int) -> str:
        return self.tokenizer.decode([token])

    def token_bytes(self, token: int) -> list[int]:
        return list(self.token_text(token).encode("utf-8"))

    def describe(self) -> dict:
        return {"name": self.name, "vocab_size": self.vocab_size, "stop_ids": sorted(self.stop_ids),
                "chat_template_date": self.date.isoformat()}
