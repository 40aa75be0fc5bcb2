"""Numbers, weights and lengths as people read them. Weights are stored in kg and
lengths in cm, and shown (and typed) in the trainer's unit system; every kg <-> lb and
cm <-> in conversion and every number shown goes through here, so the rounding is the
same everywhere."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

KG_PER_LB = Decimal("0.45359237")  # exact, by international definition
CM_PER_INCH = Decimal("2.54")  # exact, by international definition
METRIC = "metric"
IMPERIAL = "imperial"


def weight_unit(unit_system: str) -> str:
    return "lb" if unit_system == IMPERIAL else "kg"


def kg_to_display(
    kg: Decimal | None, unit_system: str, *, places: str | None = None
) -> Decimal | None:
    """A stored kg value in the unit the trainer reads. By default kilograms keep their
    2 places (82.25 kg is a real plate load) and pounds round to 0.1 lb, so a weight
    typed in pounds comes back as typed after its trip through kg (135 lb -> 61.23 kg
    -> 135.0 lb)."""
    if kg is None:
        return None
    imperial = unit_system == IMPERIAL
    value = Decimal(kg) / KG_PER_LB if imperial else Decimal(kg)
    step = Decimal(places or ("0.1" if imperial else "0.01"))
    return value.quantize(step, rounding=ROUND_HALF_UP)


def display_to_kg(value: Decimal | None, unit_system: str) -> Decimal | None:
    """A weight typed in the trainer's unit, as kg to 2 places (what the models store)."""
    if value is None:
        return None
    kg = Decimal(value) * KG_PER_LB if unit_system == IMPERIAL else Decimal(value)
    return kg.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_number(value: Decimal | int | None, *, places: str | None = None) -> str:
    """A number as a person writes it: 62.50 -> "62.5", 80.0 -> "80" (rounded to
    `places`, e.g. "0.1", when given); "" when unknown. Every page, form and chart
    shows numbers through here."""
    if value is None:
        return ""
    number = Decimal(value)
    if places is not None:
        number = number.quantize(Decimal(places), rounding=ROUND_HALF_UP)
    return f"{number.normalize():f}"


def typed_weight(kg: Decimal | None, unit_system: str) -> str:
    """A kg value as the number to put in an input, in the trainer's unit ("62.5",
    "137.8"): exact enough in kg that saving an untouched form changes nothing."""
    return format_number(kg_to_display(kg, unit_system))


#: pounds are read to the half pound: 62.5 kg is "138 lb", never "137.8 lb"
SHOWN_LB_STEP = Decimal("0.5")


def format_weight(kg: Decimal | None, unit_system: str) -> str:
    """ "62.5 kg" / "138 lb"; no trailing zeros; "—" when unknown. Kilograms keep their
    2 places; pounds round to the half pound (a kg value read in lb has decimals no
    plate has)."""
    shown = kg_to_display(kg, unit_system)
    if shown is None:
        return "—"
    if unit_system == IMPERIAL:
        shown = (shown / SHOWN_LB_STEP).quantize(Decimal(1), rounding=ROUND_HALF_UP) * SHOWN_LB_STEP
    return f"{format_number(shown)} {weight_unit(unit_system)}"


def length_unit(unit_system: str) -> str:
    return "in" if unit_system == IMPERIAL else "cm"


def cm_to_display(cm: Decimal | None, unit_system: str) -> Decimal | None:
    """A stored cm value in the unit the viewer reads, to 0.1 (cm or in). Lengths are
    stored to 0.1 cm, close enough that a length typed in inches comes back as typed
    (32.5 in -> 82.6 cm -> 32.5 in)."""
    if cm is None:
        return None
    value = Decimal(cm) / CM_PER_INCH if unit_system == IMPERIAL else Decimal(cm)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def display_to_cm(value: Decimal | None, unit_system: str) -> Decimal | None:
    """A length typed in the viewer's unit, as cm to 1 place (what the models store)."""
    if value is None:
        return None
    cm = Decimal(value) * CM_PER_INCH if unit_system == IMPERIAL else Decimal(value)
    return cm.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_length(cm: Decimal | None, unit_system: str) -> str:
    """ "88.5 cm" / "34.8 in"; no trailing zeros; "—" when unknown."""
    shown = cm_to_display(cm, unit_system)
    if shown is None:
        return "—"
    return f"{format_number(shown)} {length_unit(unit_system)}"


def round_to_step(kg: Decimal, unit_system: str, step_kg: Decimal) -> Decimal:
    """`kg` rounded to the nearest multiple of `step_kg` counted in the unit the gym
    loads (so a 5 lb step gives whole 5 lb loads, stored in kg to 2 places)."""
    shown = kg_to_display(kg, unit_system, places="0.0001")
    step = kg_to_display(step_kg, unit_system, places="0.01")
    assert shown is not None  # a value was given
    assert step  # and a step
    steps = (shown / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    rounded = display_to_kg(steps * step, unit_system)
    assert rounded is not None
    return rounded
