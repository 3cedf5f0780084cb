#!/usr/bin/env python3
"""Decodes a PNG or GIF with Pillow, a decoder independent of normscope's encoders, for the tests.

    python3 Tests/Python/decode_image.py FILE [DUMP_DIR]

Prints one JSON object: format, width, height, mode of the first frame, frames, each frame's duration
(ms) and the loop count. With DUMP_DIR, writes every frame as composited for display (GIF transparency
and disposal applied, as a browser shows it) to DUMP_DIR/frame-N.rgb: width * height * 3 bytes, row-major.
Pillow checks PNG chunk CRCs and zlib streams while loading; a damaged file fails here.
"""
import json
import sys

from PIL import Image


def main(path, dump=None):
    with Image.open(path) as check:
        check.verify()
    im = Image.open(path)
    info = {"format": im.format, "width": im.width, "height": im.height, "mode": im.mode,
            "frames": getattr(im, "n_frames", 1), "durations": [], "loop": im.info.get("loop")}
    for i in range(info["frames"]):
        im.seek(i)
        im.load()
        info["durations"].append(im.info.get("duration"))
        if dump:
            with open(f"{dump}/frame-{i}.rgb", "wb") as f:
                f.write(im.convert("RGB").tobytes())
    print(json.dumps(info))


if __name__ == "__main__":
    main(*sys.argv[1:])
