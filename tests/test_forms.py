"""The generated gui/forms package matches ui/*.ui and resources/loyalty.qrc."""

from __future__ import annotations

from loyalty_desk.gui import forms_build


def test_generated_forms_are_up_to_date() -> None:
    problems = forms_build.stale()
    assert problems == [], "run `make forms`: " + "; ".join(problems)


def test_every_form_has_its_generated_module() -> None:
    modules = {p.name for p in forms_build.FORMS.glob("ui_*.py")}
    assert modules == {forms_build.module_name(ui) for ui in forms_build.UI_DIR.glob("*.ui")}
