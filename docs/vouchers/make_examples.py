"""Render the example pictures of README's "Coupons and vouchers" section.

    .venv/bin/python docs/vouchers/make_examples.py      (or: make voucher-examples)

A throw-away store with a fixed clock goes through the real use cases (enrol, earn, issue,
batch), and each PDF page is rasterised with pdfium into docs/vouchers/*.png.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pypdfium2 as pdfium

from loyalty_desk.services import checkout, coupon_batch, coupons, members, staff, vouchers
from loyalty_desk.services.desk import Desk
from loyalty_desk.services.setup import init_store
from loyalty_desk.services.usecase import unwrap

HERE = Path(__file__).resolve().parent
DPI = 150


def clock() -> datetime:
    return datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


def save_png(data: bytes, name: str, page: int = 0) -> None:
    image = pdfium.PdfDocument(data)[page].render(scale=DPI / 72).to_pil()
    image.save(HERE / name, optimize=True)
    print(HERE / name)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        unwrap(init_store(Path(tmp), "S001", "悦购超市 旗舰店", clock=clock))
        desk = unwrap(Desk.open(Path(tmp), clock=clock))
        try:
            unwrap(staff.add_staff(desk, "王店长", "manager", "2468"))
            li = unwrap(members.enroll(desk, "13812345678", "李雷", date(1990, 3, 18)))
            welcome = unwrap(coupons.list_for_member(desk, li.code))[0].code
            earned = unwrap(checkout.earn(desk, li.code, "R20260310-0042", 12_800))
            assert earned.birthday_coupon is not None
            layout = vouchers.Layout
            save_png(unwrap(vouchers.render_voucher(desk, welcome)), "voucher-80mm.png")
            a6 = layout(page=vouchers.PageSize.A6)
            save_png(
                unwrap(vouchers.render_voucher(desk, earned.birthday_coupon, a6)), "voucher-a6.png"
            )
            save_png(unwrap(vouchers.render_slip(desk, "R20260310-0042")), "points-slip.png")
            save_png(unwrap(vouchers.render_card(desk, li.code)), "member-card.png")
            for i in range(3):
                unwrap(members.enroll(desk, f"1390000{i:04d}", f"会员{i}"))
            unwrap(checkout.earn(desk, "13900000001", "R20260310-0043", 4_000))
            batch = unwrap(coupon_batch.issue_batch(desk, "dormant", "winback", manager_pin="2468"))
            contents = unwrap(vouchers.voucher_contents(desk, batch.codes))
            save_png(vouchers.render_batch(contents, a6), "batch-page-1.png")
        finally:
            desk.close()


if __name__ == "__main__":
    main()
