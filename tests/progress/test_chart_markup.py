"""A chart's repeated SVG elements (ticks, bars, dots, the title's labels) are written by
LineChart itself instead of `{% for %}` loops in chart.html: the page gets the very
markup the loops wrote."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.template import engines

from progress.charts import line_chart

# chart.html's SVG as it was, with its loops (its lines as the template had them)
LOOPS = """{% load l10n %}{% localize off %}<title>{{ chart.title }}: {% for p in chart.points %}{{ p.label }}{% if not forloop.last %}; {% endif %}{% endfor %}{% for bar in chart.bars %}{{ bar.label }}{% if not forloop.last %}; {% endif %}{% endfor %}</title>
      {% for tick in chart.y_ticks %}
        <line class="chart-grid" x1="{{ chart.left }}" x2="{{ chart.right_edge }}" y1="{{ tick.at }}" y2="{{ tick.at }}"></line>
        <text class="chart-label" x="{{ chart.left|add:-6 }}" y="{{ tick.at }}" text-anchor="end" dominant-baseline="middle">{{ tick.label }}</text>
      {% endfor %}
      {% for tick in chart.x_ticks %}
        <text class="chart-label" x="{{ tick.at }}" y="{{ chart.label_y }}" text-anchor="{% if forloop.first and not forloop.last %}start{% elif forloop.last and not forloop.first %}end{% else %}middle{% endif %}">{{ tick.label }}</text>
      {% endfor %}
      {% for bar in chart.bars %}
        <rect class="chart-bar" x="{{ bar.x }}" y="{{ bar.y }}" width="{{ bar.width }}" height="{{ bar.height }}"><title>{{ bar.label }}</title></rect>
      {% endfor %}
      {% for p in chart.points %}
        <circle class="chart-dot" cx="{{ p.x }}" cy="{{ p.y }}" r="{% if chart.points|length > 40 %}2.5{% else %}4{% endif %}"><title>{{ p.label }}</title></circle>
      {% endfor %}
{% endlocalize %}"""  # noqa: E501

NOW = """{% load l10n %}{% localize off %}<title>{{ chart.title }}: {{ chart.labels }}</title>
      {{ chart.y_ticks_svg }}
      {{ chart.x_ticks_svg }}
      {{ chart.bars_svg }}
      {{ chart.dots_svg }}
{% endlocalize %}"""


def _series(n: int, start: date = date(2026, 1, 5)) -> list[tuple[date, Decimal]]:
    return [(start + timedelta(days=3 * i), Decimal("80.4") + Decimal(i % 7) / 3) for i in range(n)]


def _fmt(value: Decimal) -> str:
    return f"{value:.1f} kg <\"&'>"


@pytest.mark.parametrize("n", [1, 2, 3, 40, 41, 120])
@pytest.mark.parametrize("bars", [False, True])
def test_the_markup_is_what_the_template_loops_wrote(n, bars):
    series = _series(n)
    chart = line_chart(
        series,
        title="Weight <kg>",
        fmt=_fmt,
        trend=[] if bars else series[::2],
        start=date(2026, 1, 1) if n > 2 else None,
        end=date(2026, 12, 31) if n > 2 else None,
        bars=bars,
    )
    engine = engines["django"]
    assert engine.from_string(NOW).render({"chart": chart}) == engine.from_string(LOOPS).render(
        {"chart": chart}
    )
