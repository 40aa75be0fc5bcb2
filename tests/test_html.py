"""Stripping the builder's indentation (fitnesspr.html): a run of whitespace holding a
line break, with the spaces and tabs before it, becomes one line break; <pre> and
<textarea> keep theirs. The split-and-strip version answers exactly what the one
regular expression it replaced did."""

from __future__ import annotations

import random
import re

import pytest

from fitnesspr.html import strip_indentation

# The rule as first written: one pass of one expression (slow on deep indentation).
REFERENCE = re.compile(
    r"(<(?:pre|textarea)\b.*?</(?:pre|textarea)\s*>)|[ \t]*\n\s*", re.DOTALL | re.IGNORECASE
)


def reference(html: str) -> str:
    return REFERENCE.sub(lambda match: match.group(1) or "\n", html)


@pytest.mark.parametrize(
    ("html", "stripped"),
    [
        ("<ul>\n    <li>a</li>  \n\n    <li>b</li>\n</ul>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
        (
            "<textarea>\n  two\n    lines  \n</textarea>\n  <p>",
            "<textarea>\n  two\n    lines  \n</textarea>\n<p>",
        ),
        ("<PRE class=x>\n  kept\n</pre >  \n  x", "<PRE class=x>\n  kept\n</pre >\nx"),
        ("  lead and trail  ", "  lead and trail  "),
        ("a \r\n b\xa0\n\xa0c", "a \r\nb\xa0\nc"),
        ("<preview>\n  not a pre</preview>", "<preview>\nnot a pre</preview>"),
    ],
)
def test_strip_indentation(html: str, stripped: str) -> None:
    assert strip_indentation(html) == stripped
    assert reference(html) == stripped


def test_the_same_answer_as_the_single_expression_on_any_text() -> None:
    pieces = [" ", "  ", "\t", "\n", "\r", "\xa0", "a", "<b>", "<pre>", "</pre>", "</PRE >"]
    pieces += ["<textarea rows=1>", "</textarea>", "<pre", "</textarea\n>"]
    rng = random.Random(13)
    for _ in range(20_000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        assert strip_indentation(html) == reference(html), repr(html)
