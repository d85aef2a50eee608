"""A stand-in for a Hugging Face tokenizer that follows the real chat-template rules, for the CPU tests.

The template is rendered the way transformers renders `chat_template`: Jinja2's
ImmutableSandboxedEnvironment with trim_blocks, lstrip_blocks and loop controls, `raise_exception` and a
`strftime_now` that reads the clock as globals, extra keyword arguments of `apply_chat_template` passed
to `render`. The template below is ours, written to the rules of Llama 3.1's (system header with
"Cutting Knowledge Date" and a "Today Date" taken from `date_string` or `strftime_now`, trimmed contents,
<|eot_id|> after each message). Text is tokenised by greedy longest match over merges that span word
boundaries, so encoding pieces separately is not the same as encoding their concatenation, the property
that forbids re-tokenising a sampled reply.
"""
import datetime as dt

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

LLAMA31_STYLE_TEMPLATE = (
    "{{- bos_token }}"
    "{%- if not date_string is defined %}"
    "{%- if strftime_now is defined %}{%- set date_string = strftime_now('%d %b %Y') %}"
    "{%- else %}{%- set date_string = '26 Jul 2024' %}{%- endif %}"
    "{%- endif %}"
    "{%- if messages[0]['role'] == 'system' %}"
    "{%- set system_message = messages[0]['content'] | trim %}{%- set messages = messages[1:] %}"
    "{%- else %}{%- set system_message = '' %}{%- endif %}"
    "{{- '<|start_header_id|>system<|end_header_id|>\\n\\n' }}"
    "{{- 'Cutting Knowledge Date: December 2023\\n' }}"
    "{{- 'Today Date: ' + date_string + '\\n\\n' }}"
    "{{- system_message }}{{- '<|eot_id|>' }}"
    "{%- for message in messages %}"
    "{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + message['content'] | trim + '<|eot_id|>' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{%- endif %}"
)
SPECIALS = ["<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]
MERGES = ["\n\n", "```", "``", "print", "Today", " Date", "Date", ": ", "ate", "th", "he", " t", "in", "er",
          "an", "23", "Jul", "Dec", " 20", "20", "assistant", "user", "system", "ython", "py", "\n"]
SPECIAL_BASE = 1000


class StubClock:
    def __init__(self, now: dt.datetime):
        self.now = now


class StubLlamaTokenizer:
    name_or_path = "stub-llama-3.1-style"
    pad_token_id = None
    bos_token = "<|begin_of_text|>"

    def __init__(self, clock: StubClock):
        self.clock = clock
        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.loopcontrols"])
        env.globals["raise_exception"] = self._raise
        env.globals["strftime_now"] = lambda fmt: self.clock.now.strftime(fmt)
        self.template = env.from_string(LLAMA31_STYLE_TEMPLATE)
        self.pieces = sorted(MERGES, key=len, reverse=True)
        self.vocab = {piece: 256 + i for i, piece in enumerate(MERGES)}
        self.inverse = {i: p for p, i in self.vocab.items()}
        self.eos_token_id = SPECIAL_BASE + SPECIALS.index("<|eot_id|>")

    @staticmethod
    def _raise(message):
        raise jinja2.exceptions.TemplateError(message)

    def apply_chat_template(self, messages, add_generation_prompt=False, tokenize=True, **kwargs):
        assert tokenize is False, "the trainer renders text and tokenises it itself"
        return self.template.render(messages=messages, add_generation_prompt=add_generation_prompt,
                                    bos_token=self.bos_token, **kwargs)

    def _encode_text(self, text):
        ids, data, i = [], text, 0
        while i < len(data):
            for piece in self.pieces:
                if data.startswith(piece, i):
                    ids.append(self.vocab[piece])
                    i += len(piece)
                    break
            else:
                ids.extend(2000 + b for b in data[i].encode("utf-8"))  # bytes above the specials
                i += 1
        return ids

    def __call__(self, text, add_special_tokens=False):
        ids, rest = [], text
        while rest:
            hits = [(rest.find(s), s) for s in SPECIALS if rest.find(s) >= 0]
            if not hits:
                ids += self._encode_text(rest)
                break
            at, special = min(hits)
            ids += self._encode_text(rest[:at]) + [SPECIAL_BASE + SPECIALS.index(special)]
            rest = rest[at + len(special):]
        return {"input_ids": ids}

    def decode(self, ids, skip_special_tokens=False):
        out, raw = [], bytearray()
        for token in ids:
            if token >= 2000:
                raw.append(token - 2000)
                continue
            out.append(raw.decode("utf-8", errors="replace"))
            raw = bytearray()
            if token >= SPECIAL_BASE:
                out.append("" if skip_special_tokens else SPECIALS[token - SPECIAL_BASE])
            else:
                out.append(self.inverse[token])
        out.append(raw.decode("utf-8", errors="replace"))
        return "".join(out)
