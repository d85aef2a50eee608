"""Byte-level tokenizer and chat template of the built-in model.

Token ids 0..255 are raw bytes; a few special ids mark the start of the text, each role's header and the
end of a turn. A conversation renders as

    BOS (ROLE content-bytes EOT)* [ASSISTANT]            # trailing ASSISTANT = generation prompt

The template is prefix-preserving by construction: the ids of `messages[:k]` + generation prompt are a
prefix of the ids of `messages`, and an assistant reply re-renders as exactly the ids that were sampled
(its bytes followed by the sampled EOT). An assistant message may also carry `token_ids` (the
completion ids the trainer returned), which are used verbatim; that keeps a reply exact even when the
sampled bytes are not valid UTF-8 and so cannot survive a round trip through a JSON string.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

BOS_ID = 256
SYSTEM_ID = 257
USER_ID = 258
ASSISTANT_ID = 259
EOT_ID = 260
PAD_ID = 261
VOCAB_SIZE = 262

SPECIAL_TOKENS = {
    BOS_ID: "<|begin|>",
    SYSTEM_ID: "<|system|>",
    USER_ID: "<|user|>",
    ASSISTANT_ID: "<|assistant|>",
    EOT_ID: "<|end|>",
    PAD_ID: "<|pad|>",
}
ROLE_IDS = {"system": SYSTEM_ID, "user": USER_ID, "assistant": ASSISTANT_ID}
# The policy may only ever emit bytes and EOT; the model masks these out of its distribution so that
# sampling and the teacher-forced recomputation see the same distribution.
NON_GENERATABLE_IDS = (BOS_ID, SYSTEM_ID, USER_ID, ASSISTANT_ID, PAD_ID)


@dataclass(frozen=True)
class ChatMessage:
    role: str
    content: str
    token_ids: Optional[tuple[int, ...]] = None  # assistant only: the exact sampled completion ids


class ByteChatTemplate:
    """The tokenizer + chat template pair used by the built-in model (the `ChatFormatter` protocol)."""

    name = "byte-chat-v1"
    vocab_size = VOCAB_SIZE
    pad_id = PAD_ID
    stop_ids = frozenset({EOT_ID})

    def encode_text(self, text: str) -> list[int]:
        return list(text.encode("utf-8"))

    def render(self, messages: Sequence[ChatMessage], add_generation_prompt: bool = True) -> list[int]:
        ids = [BOS_ID]
        for message in messages:
            ids.append(ROLE_IDS[message.role])
            if message.token_ids is not None:
                ids.extend(message.token_ids)
                if not message.token_ids or message.token_ids[-1] != EOT_ID:
                    ids.append(EOT_ID)  # a reply cut by max_tokens: close the turn as context
            else:
                ids.extend(self.encode_text(message.content))
                ids.append(EOT_ID)
        if add_generation_prompt:
            ids.append(ASSISTANT_ID)
        return ids

    def decode(self, ids: Sequence[int]) -> str:
        """Text of completion ids: the stop token is dropped, other specials shown by name."""
        out = bytearray()
        pieces: list[str] = []
        for token in ids:
            if token < 256:
                out.append(token)
                continue
            if token in self.stop_ids:
                continue
            pieces.append(out.decode("utf-8", errors="replace"))
            out = bytearray()
            pieces.append(SPECIAL_TOKENS.get(token, f"<|{token}|>"))
        pieces.append(out.decode("utf-8", errors="replace"))
        return "".join(pieces)

    def token_bytes(self, token: int) -> list[int]:
        """Bytes of one token for OpenAI's `logprobs.content[].bytes` (specials: their name's bytes)."""
        if token < 256:
            return [token]
        return list(SPECIAL_TOKENS.get(token, f"<|{token}|>").encode("utf-8"))

    def token_text(self, token: int) -> str:
        if token < 256:
            return bytes([token]).decode("utf-8", errors="replace")
        return SPECIAL_TOKENS.get(token, f"<|{token}|>")

    def pin_date(self, date) -> None:
        """The byte template has no date; accepted so every formatter can be pinned the same way."""

    def describe(self) -> dict:
        return {"name": self.name, "vocab_size": VOCAB_SIZE, "special_tokens": {v: k for k, v in SPECIAL_TOKENS.items()}}
