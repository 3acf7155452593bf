"""A count of one reads in the singular in every catalogue phrase about days."""

from process.core.words import phrase

TABLE = {
    "late": {"sv": "{n} dagar sent", "en": "{n} days late"},
    "left": {"sv": "{n} arbetsdagar kvar", "en": "{n} working days left"},
}


def test_one_day_is_singular_in_both_languages():
    assert phrase(TABLE, "late", "sv", n=1) == "1 dag sent"
    assert phrase(TABLE, "late", "en", n=1) == "1 day late"
    assert phrase(TABLE, "left", "sv", n=1) == "1 arbetsdag kvar"
    assert phrase(TABLE, "left", "en", n=1) == "1 working day left"


def test_other_counts_stay_plural_with_grouped_thousands():
    assert phrase(TABLE, "late", "sv", n=2) == "2 dagar sent"
    assert phrase(TABLE, "late", "sv", n=0) == "0 dagar sent"
    assert phrase(TABLE, "late", "sv", n=3065) == "3\u202f065 dagar sent"
    assert phrase(TABLE, "late", "en", n=3065) == "3,065 days late"
