"""Screenshots for the README: the Reports screen and a page of the KPI PDF.

    python -m bench.screenshots          # → docs/reports-screen.png, docs/report-pdf-page*.png

Uses a generated chain (20,000 members, cached under bench/data) and renders offscreen.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.chain import ChainSpec
from bench.generate import DEFAULT_DIR, build_till

DOCS = Path("docs")


def wait(signal: Any, start: Any) -> None:
    """Run `start` and an event loop until `signal` fires (the work is on another thread)."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    signal.connect(loop.quit)
    start()
    loop.exec()


def main() -> int:
    import pypdfium2
    from PySide6.QtWidgets import QApplication

    from loyalty_desk.domain.periods import PeriodKind, period_of
    from loyalty_desk.gui.reports_view import ReportsView
    from loyalty_desk.services.desk import Desk
    from loyalty_desk.services.reports_export import ExportFormat, export_report
    from loyalty_desk.services.usecase import unwrap

    spec = ChainSpec(members=20_000)
    data_dir = DEFAULT_DIR / "chain-20000"
    build_till(data_dir, spec)
    app = QApplication.instance() or QApplication(sys.argv)
    desk = unwrap(Desk.open(data_dir, clock=lambda: spec.now))
    DOCS.mkdir(exist_ok=True)
    view = ReportsView(desk)
    view.resize(1440, 1280)
    view.set_period(period_of(PeriodKind.MONTH, date(2026, 3, 1)))
    wait(view.refreshed, view.refresh)
    view.choose_list("close")
    app.processEvents()
    view.grab().save(str(DOCS / "reports-screen.png"))
    assert view.bundle is not None
    pdf_path = DOCS / "report-kpi-2026-03.pdf"
    unwrap(export_report(desk, view.bundle.kpi, ExportFormat.PDF, pdf_path))
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    for i in range(min(2, len(pdf))):
        pdf[i].render(scale=1.6).to_pil().save(DOCS / f"report-pdf-page{i + 1}.png")
    pdf.close()
    desk.close()
    print("wrote", *sorted(p.name for p in DOCS.glob("report*")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
