"""What `pdffonts` and `pdftoppm` + a barcode reader tell about a PDF, done in Python.

The fonts are read twice: from the PDF's own objects (like pdffonts: name, type, embedded,
subset) and through pdfium, the PDF engine, for every text object actually drawn.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import zxingcpp
from PIL import Image

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(<<.*?>>)\s*(?:stream|endobj)", re.S)
_NAME = re.compile(rb"/BaseFont\s*/([^\s/<>\[\]()]+)")
_SUBTYPE = re.compile(rb"/Subtype\s*/(\w+)")
_DESCRIPTOR = re.compile(rb"/FontDescriptor\s+(\d+) 0 R")
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool
    subset: bool


def pdffonts(data: bytes) -> list[FontRow]:
    objects = {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(data)}
    rows = []
    for body in objects.values():
        if not re.search(rb"/Type\s*/Font\b", body):
            continue
        name = _NAME.search(body)
        subtype = _SUBTYPE.search(body)
        descriptor = _DESCRIPTOR.search(body)
        described = objects.get(int(descriptor.group(1)), b"") if descriptor else b""
        embedded = bool(re.search(rb"/FontFile[23]?\s+\d+ 0 R", described))
        font_name = name.group(1).decode() if name else "?"
        rows.append(
            FontRow(
                font_name,
                subtype.group(1).decode() if subtype else "?",
                embedded,
                bool(_SUBSET_TAG.match(font_name)),
            )
        )
    return rows


def drawn_fonts(data: bytes) -> set[tuple[str, bool]]:
    """(font name, embedded) of every text object pdfium finds on every page."""
    found: set[tuple[str, bool]] = set()
    pdf = pdfium.PdfDocument(data)
    for page in pdf:
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
            font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
            size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
            buffer = ctypes.create_string_buffer(size)
            pdfium_c.FPDFFont_GetBaseFontName(font, buffer, size)
            found.add((buffer.value.decode(), bool(pdfium_c.FPDFFont_GetIsEmbedded(font))))
    return found


def page_count(data: bytes) -> int:
    return len(pdfium.PdfDocument(data))


def rasterise(data: bytes, dpi: int = 200, pages: range | None = None) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(data)
    chosen = pages if pages is not None else range(len(pdf))
    return [pdf[i].render(scale=dpi / 72).to_pil() for i in chosen]


def decode_qr(image: Image.Image) -> list[str]:
    return [b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
