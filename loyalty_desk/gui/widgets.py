"""Small pieces every screen uses: message labels, input states, the scan-aware field."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView, QWidget

from loyalty_desk.domain.errors import Refusal
from loyalty_desk.gui.operations import said
from loyalty_desk.gui.scanner import KeyTiming

DIGITS = QRegularExpressionValidator(r"[0-9]*")
AMOUNT = QRegularExpressionValidator(r"[¥￥]?[0-9,]*(\.[0-9]{0,2})?")


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property (role, tone, invalid) changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def say(label: QLabel, text: str, tone: str = "info") -> None:
    """Show a message under a form (error, ok, info, warn); empty text hides it."""
    if label.text() == text and label.property("tone") == tone:
        label.setVisible(bool(text))
        return
    label.setText(text)
    if label.property("tone") != tone:
        label.setProperty("tone", tone)
        restyle(label)
    label.setVisible(bool(text))


def say_refusal(label: QLabel, refusal: Refusal) -> None:
    say(label, said(refusal), "error")


def mark_invalid(edit: QWidget, invalid: bool) -> None:
    if bool(edit.property("invalid")) != invalid:
        edit.setProperty("invalid", invalid)
        restyle(edit)


def no_input_method(edit: QWidget) -> None:
    """A Chinese IME would swallow a scanner's digits (and letters) into its candidate box."""
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhDigitsOnly
        | Qt.InputMethodHint.ImhNoPredictiveText
        | Qt.InputMethodHint.ImhPreferLatin
    )


def pin_field(edit: QLineEdit) -> None:
    edit.setValidator(DIGITS)
    no_input_method(edit)


def amount_field(edit: QLineEdit) -> None:
    edit.setValidator(AMOUNT)
    no_input_method(edit)


class ScanLineEdit(QLineEdit):
    """The search field: tells a scanner burst from typing, and lets ↑↓ move a pick list.

    `scanned(text)` fires when Enter closes a burst of keys (a barcode scanner);
    `submitted(text)` when a person presses Enter; `moved(step)` for the arrow keys and
    `escaped()` for Esc.
    """

    scanned = Signal(str)
    submitted = Signal(str)
    moved = Signal(int)
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timing = KeyTiming()
        no_input_method(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.text()
            if self.timing.enter_is_scan():
                self.timing.reset()
                self.scanned.emit(text)
            else:
                self.timing.reset()
                self.submitted.emit(text)
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.moved.emit(1 if key == Qt.Key.Key_Down else -1)
            return
        if key == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        if event.text() and event.text().isprintable():
            self.timing.key()
        super().keyPressEvent(event)


class FocusRedirect(QObject):
    """Digits typed while focus sits on a button of the screen go to the search field.

    A scanner types into whatever has the focus; this sends it to the one field that
    understands it, so a scan opens the member without the cashier touching anything.
    """

    def __init__(self, page: QWidget, search: QLineEdit) -> None:
        super().__init__(page)
        self.page = page
        self.search = search

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self.page.isVisible():
            return False
        if not isinstance(event, QKeyEvent) or watched is self.search:
            return False
        if not isinstance(watched, QWidget) or not self.page.isAncestorOf(watched):
            return False
        if isinstance(watched, QLineEdit) or watched.window() is not self.page.window():
            return False
        text = event.text()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if len(text) == 1 and text.isdigit() and plain:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
            self.search.clear()
            self.search.keyPressEvent(event)
            return True
        return False


def page_shortcuts(page: QWidget, bindings: Iterable[tuple[str, Callable[[], object]]]) -> None:
    """Keys that work anywhere on a screen (F3 award, Ctrl+P print…), not inside dialogs."""
    for key, slot in bindings:
        shortcut = QShortcut(QKeySequence(key), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)


def tidy_table(view: QTableView, *, row_height: int = 32) -> None:
    """The look every table shares: no row numbers, left-aligned headers, roomy rows."""
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(row_height)
    view.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    view.horizontalHeader().setHighlightSections(False)


def fill_timezones(combo: QComboBox, current: str) -> None:
    """Every IANA zone, the store's own first; typing filters (the combo is editable)."""
    from zoneinfo import available_timezones

    names = sorted(n for n in available_timezones() if "/" in n and not n.startswith("Etc/"))
    combo.clear()
    combo.addItems(names)
    combo.setCurrentText(current)
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
