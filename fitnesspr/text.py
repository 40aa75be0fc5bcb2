"""Text as people search it: accents and case don't matter ("Angstrom" finds
"Ångström", "muller" finds "Müller")."""

from __future__ import annotations

import unicodedata

from django.core.validators import MaxLengthValidator

# Letters that are not a base letter plus an accent, so NFKD leaves them whole.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})


def fold(text: str) -> str:
    """`text` without accents, in case-folded form, for comparing a search with it."""
    if text.isascii():  # most names and every email: nothing to take off
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


#: the longest free text anyone may type (notes, goals, descriptions, instructions):
#: pages of writing, far from a megabyte pasted by mistake or by a script
TEXT_MAX = 5000
text_cap = MaxLengthValidator(TEXT_MAX)
