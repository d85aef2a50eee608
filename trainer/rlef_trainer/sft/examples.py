"""SFT examples: a conversation rendered by the served model's chat template, with the loss on the
assistant replies (`loss_on="final"`: the last, passing reply only, the paper's better variant; "all":
every reply). Each reply's tokens are found as the difference between the conversation up to the reply's
generation prompt and the conversation including the reply, which needs the template to be
prefix-preserving; a template that is not gets a 400 naming the message."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..chat_request import parse_message
from ..model.tokenizer import ChatMessage
from ..validation import FieldError, as_list, as_object, as_str, reject_unknown, require

EXAMPLE_FIELDS = {"example_id", "messages", "metadata"}


class TooLongError(FieldError):
    """A conversation longer than the model's context: skipped and reported, not a bad request (the data of
    an SFT run is whatever the source runs solved; one long trajectory must not stop the run)."""


@dataclass
class SFTExample:
    example_id: str
    input_ids: list[int]
    loss_mask: list[bool]  # True where the token is a target (an assistant reply token, incl. its end token)
    raw: dict  # as submitted (the journal re-parses it after a restart)

    @property
    def loss_tokens(self) -> int:
        return sum(self.loss_mask)


def tokenize_conversation(template, messages: list[ChatMessage], loss_on: str, path: str
                          ) -> tuple[list[int], list[bool]]:
    assistant = [i for i, m in enumerate(messages) if m.role == "assistant"]
    if not assistant:
        raise FieldError(f"{path}.messages", "has no assistant message to learn from")
    if assistant[-1] != len(messages) - 1:
        raise FieldError(f"{path}.messages", "must end with the assistant's (final) reply")
    ids = template.render(messages, add_generation_prompt=False)
    mask = [False] * len(ids)
    targets = assistant if loss_on == "all" else assistant[-1:]
    for index in targets:
        prefix = template.render(messages[:index], add_generation_prompt=True)
        upto = template.render(messages[:index + 1], add_generation_prompt=False)
        if upto[:len(prefix)] != prefix or ids[:len(upto)] != upto:
            raise FieldError(f"{path}.messages[{index}]", "the chat template is not prefix-preserving here: "
                                                          "cannot tell which tokens are the reply")
        for position in range(len(prefix), len(upto)):
            mask[position] = True
    return ids, mask


def parse_example(raw: Any, path: str, template, vocab_size: int, max_seq_len: int, loss_on: str) -> SFTExample:
    obj = as_object(raw, path)
    reject_unknown(obj, EXAMPLE_FIELDS, path)
    example_id = as_str(require(obj, "example_id", path), f"{path}.example_id", min_len=1, max_len=200)
    raw_messages = as_list(require(obj, "messages", path), f"{path}.messages", min_len=1, max_len=200)
    messages = [parse_message(m, f"{path}.messages[{i}]", vocab_size) for i, m in enumerate(raw_messages)]
    ids, mask = tokenize_conversation(template, messages, loss_on, path)
    if len(ids) > max_seq_len:
        raise TooLongError(f"{path}.messages", f"renders to {len(ids)} tokens, more than the model's max_seq_len "
                                             f"{max_seq_len}")
    return SFTExample(example_id, ids, mask, obj)
