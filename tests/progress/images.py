"""Files for photo tests: real images made with Pillow, and files that only pretend."""

from __future__ import annotations

import zipfile
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

ORIENTATION = 0x0112
GPS_IFD = 0x8825
MAKE = 0x010F


def image_bytes(fmt: str = "JPEG", size=(60, 40), color="red", *, exif=None, mode="RGB") -> bytes:
    out = BytesIO()
    img = Image.new(mode, size, color)
    kwargs = {"exif": exif} if exif is not None else {}
    img.save(out, fmt, **kwargs)
    return out.getvalue()


def jpeg_with_location(*, orientation: int = 6) -> bytes:
    """A 60x40 JPEG (wide) taken with the phone on its side: EXIF says rotate 90°, and it
    names the camera and where the photo was taken."""
    img = Image.new("RGB", (60, 40), "white")
    img.paste((255, 0, 0), (0, 0, 30, 40))  # the left half red
    exif = img.getexif()
    exif[ORIENTATION] = orientation
    exif[MAKE] = "PhoneMaker"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (51.0, 30.0, 12.0)
    gps[3], gps[4] = "W", (0.0, 7.0, 39.0)
    out = BytesIO()
    img.save(out, "JPEG", exif=exif)
    return out.getvalue()


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
)
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def polyglot_jpeg_html() -> bytes:
    """A valid JPEG that is also a web page (markup after the image data)."""
    return image_bytes() + b"<html><script>fetch('/steal?c='+document.cookie)</script></html>"


def polyglot_jpeg_zip() -> bytes:
    """A valid JPEG with a zip archive appended (a GIFAR-style jar/zip polyglot)."""
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("payload.class", b"\xca\xfe\xba\xbe")
    return image_bytes() + archive.getvalue()


def polyglot_png_script() -> bytes:
    """A valid PNG whose text chunk carries a script."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    out = BytesIO()
    Image.new("RGB", (20, 20), "blue").save(out, "PNG", pnginfo=info)
    return out.getvalue()


def truncated_jpeg() -> bytes:
    noisy = BytesIO()
    img = Image.effect_noise((400, 300), 64).convert("RGB")
    img.save(noisy, "JPEG", quality=95)
    data = noisy.getvalue()
    return data[: len(data) // 2]


def huge_png(side: int = 20000) -> bytes:
    """A side x side PNG: tiny on disk (one bit per pixel, all black), enormous decoded."""
    out = BytesIO()
    Image.new("1", (side, side), 0).save(out, "PNG")
    return out.getvalue()


def upload(data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


class RawUpload(BytesIO):
    """An upload exactly as named: SimpleUploadedFile would strip the directory part."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name
        self.size = len(data)


BOUNDARY = "----fitnesspr-test-boundary"


def multipart(fields: dict[str, str], *, file_field: str, filename: str, data: bytes) -> bytes:
    """A multipart body with a file part whose filename is sent verbatim (a browser or
    a script can send any name; Django's test client would tidy it first)."""
    parts = []
    for name, value in fields.items():
        head = f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    parts.append(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{file_field}"; '
        f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(parts)
