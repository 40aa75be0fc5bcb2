"""A builder row's inputs are drawn by a template tag (programs.templatetags.builder)
instead of a template loop: the same HTML, character for character, in every state a
row's input can be in (plain, notes, refused with errors, taking the focus), with what
was typed escaped."""

from __future__ import annotations

import itertools

import pytest
from django.template import engines

from fitnesspr.html import strip_indentation
from programs.views.builder_parts import DoseInput

# The loop the tag replaced, as it stood in templates/programs/builder.html.
LOOP = """
{% for input in row.inputs %}
  {% if input.errors %}
    <label class="has-error">{{ input.label }}{% if input.name == "notes" %}<textarea name="{{ input.field }}" rows="1" aria-invalid="true" aria-describedby="{{ input.field }}-error"{% if input.focus %} autofocus{% endif %}>
{{ input.value }}</textarea>{% else %}<input name="{{ input.field }}" value="{{ input.value }}" aria-invalid="true" aria-describedby="{{ input.field }}-error"{% if input.focus %} autofocus{% endif %}>{% endif %}<small class="field-error" id="{{ input.field }}-error">{{ input.errors|join:" " }}</small></label>
  {% elif input.name == "notes" %}
    <label>{{ input.label }}<textarea name="{{ input.field }}" rows="1">
{{ input.value }}</textarea></label>
  {% else %}
    <label>{{ input.label }}<input name="{{ input.field }}" value="{{ input.value }}"{% if input.focus %} autofocus{% endif %}></label>
  {% endif %}
{% endfor %}
"""  # noqa: E501 (the template's own lines)
TAG = "{% load builder %}\n{% dose_inputs row.inputs %}\n"


def every_state() -> list[DoseInput]:
    inputs = []
    for name, errors, focus in itertools.product(
        ("sets", "load", "notes"), ([], ["Too many.", "Say <b>8</b> & go"]), (False, True)
    ):
        inputs.append(
            DoseInput(
                name=name,
                label="Load (lb)" if name == "load" else name.title(),
                value='8 "heavy" <b> & co\n  second line',
                errors=list(errors),
                focus=focus,
                field=f"rx42-{name}",
            )
        )
    return inputs


@pytest.mark.parametrize("count", [0, 1, 3, 12])
def test_the_tag_draws_what_the_loop_drew(count: int) -> None:
    engine = engines["django"]
    row = {"inputs": every_state()[:count]}
    loop = strip_indentation(engine.from_string(LOOP).render({"row": row}))
    tag = strip_indentation(engine.from_string(TAG).render({"row": row}))
    assert tag == loop
    if count:
        assert "&lt;b&gt;" in tag
        assert "<b>" not in tag
