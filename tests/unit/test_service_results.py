"""Typed service results keep the shapes the JSON outputs print: the same keys in the
same order as the rows or dicts they replaced."""

from __future__ import annotations

from typing import get_type_hints

from notifications.mail import outbox, outbox_view
from process.bodies.bodies import BodyDetail, BodyInfo, BodyMeasure


def test_outbox_rows_name_the_table_columns_in_order() -> None:
    columns = [c.name for c in outbox.TABLE.c]
    bodies = ("body_text", "body_html", "claim_token")
    assert list(get_type_hints(outbox.OutboxListed)) == [c for c in columns if c not in bodies]
    assert sorted(get_type_hints(outbox.OutboxMail)) == sorted(columns)
    assert set(outbox_view.COLUMNS) <= set(columns)


def test_a_body_serialises_with_its_keys_in_order() -> None:
    measure = BodyMeasure(2024, "1.A", "Service", "planned", True, "kommunerna")
    body = BodyDetail("are", "Åre", "municipality", ["a@x"], [], ["p"], ["kommunerna"], [measure])
    assert list(BodyInfo.to_json(body)) == ["key", "name", "kind", "emails", "members", "people"]
    shown = body.to_json()
    assert list(shown) == [*BodyInfo.to_json(body), "groups", "measures"]
    assert shown["measures"] == [
        {
            "year": 2024,
            "code": "1.A",
            "title": "Service",
            "state": "planned",
            "lead": True,
            "as": "kommunerna",
        }
    ]
