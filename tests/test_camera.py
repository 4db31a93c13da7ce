"""The camera dialog, fed frames made from images: a voucher photo, a member card, noise."""

from __future__ import annotations

import io
import random
from datetime import date

import pytest
import qrcode
from PIL import Image, ImageFilter
from PySide6.QtGui import QImage

from loyalty_desk.domain.codes import new_member_code
from loyalty_desk.domain.coupons import Kind, make_code
from loyalty_desk.gui import camera
from loyalty_desk.vouchers.content import VoucherContent
from loyalty_desk.vouchers.pdf import voucher_pdf
from tests.pdf_check import rasterise

if camera.camera_problem() is not None:
    pytest.skip(f"camera dialog unavailable: {camera.camera_problem()}", allow_module_level=True)

from PySide6.QtMultimedia import QVideoFrame

CODE = make_code("01", bytes(range(32)), "12345678901")
MEMBER = new_member_code(random.Random(3))


def to_qimage(image: Image.Image) -> QImage:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG")
    qimage = QImage()
    assert qimage.loadFromData(buffer.getvalue(), "PNG")
    return qimage


def photo_of_voucher() -> Image.Image:
    """A 640x480 'camera frame': the printed voucher, smaller, tilted, blurred, on a desk."""
    page = rasterise(
        voucher_pdf(
            VoucherContent(
                CODE, Kind.WINBACK, 10_000, 20_000, date(2026, 3, 1), date(2026, 3, 30), "店", None
            )
        ),
        dpi=110,
    )[0]
    page = page.rotate(8, expand=True, fillcolor=(90, 80, 70)).filter(ImageFilter.GaussianBlur(1))
    frame = Image.new("RGB", (640, 480), (90, 80, 70))
    page.thumbnail((420, 460))
    frame.paste(page, (110, 10))
    return frame


def qr_picture(text: str) -> Image.Image:
    return qrcode.make(text, border=4).get_image().convert("RGB").resize((300, 300))


def test_a_frame_with_a_coupon_closes_the_dialog_with_its_code(qtbot: object) -> None:
    dialog = camera.CameraScanDialog(start_camera=False, interval_ms=0)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    sink = dialog.video_sink()
    assert sink is not None
    with qtbot.waitSignal(dialog.scanned, timeout=5_000) as signal:  # type: ignore[attr-defined]
        sink.setVideoFrame(QVideoFrame(to_qimage(photo_of_voucher())))
    assert signal.args == [CODE] and dialog.code == CODE
    assert dialog.result() == camera.CameraScanDialog.DialogCode.Accepted


def test_frames_without_a_wanted_code_are_passed_over(qtbot: object) -> None:
    dialog = camera.CameraScanDialog(start_camera=False, interval_ms=0)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    sink = dialog.video_sink()
    assert sink is not None
    seen: list[str] = []
    dialog.scanned.connect(seen.append)
    sink.setVideoFrame(QVideoFrame(to_qimage(Image.new("RGB", (640, 480), (200, 200, 200)))))
    sink.setVideoFrame(QVideoFrame(to_qimage(qr_picture("https://example.com/promo"))))
    assert seen == [] and dialog.code is None
    assert "not a member card or coupon" in dialog.status.text()
    sink.setVideoFrame(QVideoFrame(to_qimage(qr_picture(MEMBER))))  # a member card
    assert seen == [MEMBER]


def test_decoding_is_throttled_between_frames(qtbot: object) -> None:
    dialog = camera.CameraScanDialog(start_camera=False, interval_ms=60_000)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    sink = dialog.video_sink()
    assert sink is not None
    sink.setVideoFrame(QVideoFrame(to_qimage(Image.new("RGB", (64, 64), (255, 255, 255)))))
    sink.setVideoFrame(QVideoFrame(to_qimage(qr_picture(MEMBER))))
    assert dialog.code is None  # the second frame came within the interval: not decoded
    assert camera.decode(to_qimage(qr_picture(MEMBER))) == [MEMBER]


def test_a_till_without_a_camera_says_so(qtbot: object) -> None:
    dialog = camera.CameraScanDialog()  # the test machine has no camera
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert "No camera found" in dialog.status.text()
