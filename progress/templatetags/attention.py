"""The dashboard's attention list, one item at a time."""

from __future__ import annotations

from html import escape
from typing import Any

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.safestring import SafeString, mark_safe

from progress.selectors.attention import AttentionItem

register = template.Library()

# One item and its dismiss form, as the loop in attention.html wrote it. Built here, as
# the Django admin builds its list rows: the template engine took ~65 µs an item, and
# a dashboard can list a hundred. Every value is escaped with html.escape, which is
# what django.utils.html.escape does, without its lazy-string wrapper.
ITEM = """
            <li class="attention-item" id="item-{key}">
              <div class="attention-text">
                <a href="{url}" class="attention-client">{name}</a>
                <span class="attention-title">{title}</span>
                <small class="muted">{detail}</small>
              </div>
              <form method="post" action="{dismiss_url}" class="inline-form"
                    hx-post="{dismiss_url}" hx-target="#item-{key}" hx-swap="outerHTML">
                {csrf}
                <input type="hidden" name="client" value="{client}">
                <input type="hidden" name="rule" value="{rule}">
                <input type="hidden" name="subject" value="{subject}">
                <input type="hidden" name="fingerprint" value="{fingerprint}">
                <button type="submit" class="outline secondary small" aria-label="Dismiss {title_lower} for {name}">Dismiss</button>
              </form>
            </li>
          """  # noqa: E501 (the markup as the page has it)


@register.simple_tag(takes_context=True)
def attention_item(context: Any, item: AttentionItem, dismiss_url: str) -> SafeString:
    """An item of the attention list with its dismiss form (`dismiss_url`)."""
    name = escape(item.client.full_name)
    return mark_safe(  # noqa: S308 (every value below is escaped)
        ITEM.format(
            key=escape(item.key),
            url=escape(item.url),
            name=name,
            title=escape(item.title),
            title_lower=escape(item.title.lower()),
            detail=escape(item.detail),
            dismiss_url=escape(dismiss_url),
            csrf=CsrfTokenNode().render(context),  # safe: Django's own tag
            client=item.client.pk,
            rule=escape(item.rule),
            subject=escape(item.subject),
            fingerprint=escape(item.fingerprint),
        )
    )
