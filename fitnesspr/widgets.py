"""Form inputs that write their `<input>` tag directly instead of through Django's widget
templates: the same HTML, byte for byte (tests/test_widgets.py), for a fraction of the
cost. A form with a row per set renders over a hundred inputs per page, and rendering
each through the template engine was most of a workout log's time."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.widgets import Input
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


class _DirectInput(Input):
    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        # django/forms/widgets/input.html and attrs.html, written out
        widget = self.get_context(name, value, attrs)["widget"]
        html = [f'<input type="{conditional_escape(widget["type"])}"']
        html.append(f' name="{conditional_escape(widget["name"])}"')
        if widget["value"] is not None:
            html.append(f' value="{conditional_escape(widget["value"])}"')
        for key, item in widget["attrs"].items():
            if item is False:
                continue
            html.append(f" {conditional_escape(key)}")
            if item is not True:
                html.append(f'="{conditional_escape(item)}"')
        html.append(">")
        return mark_safe("".join(html))  # noqa: S308 (every part escaped above)


class TextInput(_DirectInput, forms.TextInput):
    pass


class HiddenInput(_DirectInput, forms.HiddenInput):
    pass


class CheckboxInput(_DirectInput, forms.CheckboxInput):
    pass
