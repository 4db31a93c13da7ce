"""Scanning a QR code with a webcam: for stores without a barcode scanner, and for members
who show their code on a phone.

The dialog shows the camera picture and decodes frames with zxing-cpp until it finds a code
the caller wants (by default a member code or a coupon code), then closes with that code.
zxing-cpp comes with the optional `camera` extra (`pip install loyalty-desk[camera]`), so
tills without a camera do not carry it; without it the dialog says how to get it.

Frames reach the decoder through a QVideoSink, whatever fills it: the camera in the store,
or frames made from images in the tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from loyalty_desk.domain.codes import member_code_from_qr
from loyalty_desk.domain.coupons import looks_like_coupon, normalise_code
from loyalty_desk.gui.formatting import translate

zxingcpp: Any
try:  # the camera extra
    import zxingcpp
except ImportError:  # pragma: no cover - exercised on tills installed without the extra
    zxingcpp = None

try:  # QtMultimedia needs the system's sound libraries (libpulse on Linux)
    from PySide6.QtMultimedia import (
        QCamera,
        QMediaCaptureSession,
        QMediaDevices,
        QVideoFrame,
        QVideoSink,
    )
    from PySide6.QtMultimediaWidgets import QVideoWidget

    MULTIMEDIA_ERROR: str | None = None
except ImportError as exc:  # pragma: no cover - depends on the machine
    MULTIMEDIA_ERROR = str(exc)

Accept = Callable[[str], bool]
DECODE_INTERVAL_MS = 150  # a frame every 150 ms is plenty, and keeps the picture smooth


def member_or_coupon(text: str) -> bool:
    """The default: a member's QR (the member code) or a coupon's QR (its 20 digits)."""
    return member_code_from_qr(text) is not None or looks_like_coupon(text)


def camera_problem() -> str | None:
    """Why scanning with a camera cannot work on this till, or None when it can."""
    if zxingcpp is None:
        return translate(
            "Camera", "Camera scanning needs the 'camera' extra: pip install loyalty-desk[camera]."
        )
    if MULTIMEDIA_ERROR is not None:
        return translate("Camera", "The camera cannot be used on this PC: {error}").format(
            error=MULTIMEDIA_ERROR
        )
    return None


def decode(image: QImage) -> list[str]:
    """Every QR code zxing-cpp finds in the picture, as text."""
    if zxingcpp is None or image.isNull():
        return []
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    found = zxingcpp.read_barcodes(gray, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in found if barcode.valid]


class CameraScanDialog(QDialog):
    """Shows the camera and closes with the first wanted code (`code`, and `scanned`)."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        accept: Accept = member_or_coupon,
        start_camera: bool = True,
        interval_ms: int = DECODE_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Camera", "Scan with the camera"))
        self.code: str | None = None
        self._accept = accept
        self._interval = interval_ms / 1000
        self._last_decode = float("-inf")
        self._camera: Any = None
        self._session: Any = None
        self._sink: Any = None
        self.status = QLabel(translate("Camera", "Hold the QR code in front of the camera."))
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        problem = camera_problem()
        if problem is None:
            self.preview = QVideoWidget(self)
            self.preview.setMinimumSize(480, 360)
            layout.addWidget(self.preview)
            self._sink = self.preview.videoSink()
            self._sink.videoFrameChanged.connect(self.on_frame)
            if start_camera:
                self._start_camera()
        else:
            self.status.setText(problem)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _start_camera(self) -> None:
        device = QMediaDevices.defaultVideoInput()
        if device.isNull():
            self.status.setText(
                translate("Camera", "No camera found: connect one, or type the code.")
            )
            return
        self._camera = QCamera(device, self)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoOutput(self.preview)
        self._camera.errorOccurred.connect(lambda _error, text: self.status.setText(text))
        self._camera.start()

    def video_sink(self) -> QVideoSink | None:
        """Where frames go to be shown and decoded (None when the camera cannot be used)."""
        sink: QVideoSink | None = self._sink
        return sink

    def on_frame(self, frame: QVideoFrame) -> None:
        now = time.monotonic()
        if self.code is not None or now - self._last_decode < self._interval:
            return
        self._last_decode = now
        self.take_image(frame.toImage())

    def take_image(self, image: QImage) -> str | None:
        """Decode one picture; closes the dialog on the first wanted code."""
        for text in decode(image):
            code = normalise_code(text)
            if self._accept(code):
                self.code = code
                self.status.setText(code)
                self.scanned.emit(code)
                self.accept()
                return code
            self.status.setText(translate("Camera", "That QR code is not a member card or coupon."))
        return None

    def done(self, result: int) -> None:
        if self._camera is not None:
            self._camera.stop()
        super().done(result)


def scan_code(parent: QWidget | None = None, accept: Accept = member_or_coupon) -> str | None:
    """Open the dialog; the scanned code, or None if the cashier cancelled."""
    dialog = CameraScanDialog(parent, accept=accept)
    return dialog.code if dialog.exec() == QDialog.DialogCode.Accepted else None
