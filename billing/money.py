"""Money as integer minor units plus an ISO currency, never a float. Every amount a page
shows or a form reads goes through here, and so does the arithmetic of a line and an
invoice (discounts and tax round half up to the minor unit), so the invoice page, the
API, the emails and the database constraints agree to the cent."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

#: currencies with no minor unit (Stripe's "zero-decimal" currencies among ours)
ZERO_DECIMAL = frozenset({"JPY"})
#: symbols written before the amount; other currencies show their code ("CHF 120.00")
SYMBOLS = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "CAD": "CA$",
    "AUD": "A$",
    "NZD": "NZ$",
    "JPY": "¥",
    "INR": "₹",
    "BRL": "R$",
    "MXN": "MX$",
    "ZAR": "R",
}
#: basis points in 100 %
FULL_BP = 10000
#: the largest amount we accept in one field: 10 million in major units
MAX_MAJOR = Decimal("10000000")


def exponent(currency: str) -> int:
    return 0 if currency in ZERO_DECIMAL else 2


def to_minor(amount: Decimal, currency: str) -> int:
    """A typed amount ("120.50") as minor units (12050). More decimals than the currency
    has is a ValueError (a person typed 120.505), not a silent rounding."""
    places = exponent(currency)
    try:
        scaled = Decimal(amount).scaleb(places)
    except InvalidOperation as exc:
        raise ValueError("Not an amount.") from exc
    if scaled != scaled.to_integral_value():
        digits = "no decimals" if places == 0 else f"at most {places} decimals"
        raise ValueError(f"Use {digits} for {currency}.")
    return int(scaled)


def from_minor(amount_minor: int, currency: str) -> Decimal:
    places = exponent(currency)
    return Decimal(amount_minor).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def format_money(amount_minor: int | None, currency: str) -> str:
    """12050, "EUR" -> "€120.50"; -500, "GBP" -> "-£5.00"; 5000, "JPY" -> "¥5,000"."""
    if amount_minor is None:
        return "—"
    places = exponent(currency)
    number = f"{from_minor(abs(amount_minor), currency):,.{places}f}"
    sign = "-" if amount_minor < 0 else ""
    symbol = SYMBOLS.get(currency)
    return f"{sign}{symbol}{number}" if symbol else f"{sign}{currency} {number}"


def percent_to_bp(percent: Decimal) -> int:
    """20 -> 2000, 7.5 -> 750 (basis points: hundredths of a percent)."""
    return int((Decimal(percent) * 100).to_integral_value(rounding=ROUND_HALF_UP))


def bp_to_percent(bp: int) -> Decimal:
    return (Decimal(bp) / 100).normalize()


def share_of(amount_minor: int, bp: int) -> int:
    """`bp` basis points of an amount, rounded half up to the minor unit."""
    return (amount_minor * bp + FULL_BP // 2) // FULL_BP


class LineAmounts(NamedTuple):
    gross_minor: int
    discount_minor: int
    total_minor: int


def line_amounts(*, quantity: int, unit_price_minor: int, discount_bp: int) -> LineAmounts:
    gross = quantity * unit_price_minor
    discount = share_of(gross, discount_bp)
    return LineAmounts(gross, discount, gross - discount)


class InvoiceAmounts(NamedTuple):
    subtotal_minor: int
    tax_minor: int
    total_minor: int


def invoice_amounts(*, line_totals: Iterable[int], tax_rate_bp: int) -> InvoiceAmounts:
    """Tax is charged on the subtotal after line discounts."""
    subtotal = sum(line_totals)
    tax = share_of(subtotal, tax_rate_bp)
    return InvoiceAmounts(subtotal, tax, subtotal + tax)
