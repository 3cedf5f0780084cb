#!/usr/bin/env python3
"""Checks an asciicast v2 file and replays it in pyte, a terminal model independent of normscope, for the tests.

    python3 Tests/Python/check_cast.py FILE.cast [SCREEN.txt]

Parses the header (version 2, width, height, timestamp, title, env.TERM) and every event ([time, "o"|"r",
data], times never decreasing, "r" as COLSxROWS), replays the output in a pyte screen that is resized on
each "r" event, and prints one JSON object: the header, the count of each kind of event, the duration, the
final screen's text, and (with SCREEN.txt, a `tmux capture-pane -p -e` dump of the live view at the end)
the cells whose character, colours, bold, underline or reverse differ between the two screens (the
foreground and boldness of a plain space are not compared: nobody can see them, and ncurses leaves the
bottom-right cell as the terminal had it). Exits 1 with
a message when the file is not a valid asciicast v2.
"""
import json
import re
import sys

import pyte
from pyte import graphics

NAMES = ["black", "red", "green", "brown", "blue", "magenta", "cyan", "white"]


def colour(c):
    """A pyte colour as a hex string (names of the 16 basic colours through xterm's palette), or 'default'."""
    if c in NAMES:
        return graphics.FG_BG_256[NAMES.index(c)]
    if c.startswith("bright") and c[6:] in NAMES:
        return graphics.FG_BG_256[8 + NAMES.index(c[6:])]
    return c


def cell(screen, x, y):
    """What a person sees of a cell: a space's foreground colour and boldness do not show."""
    c = screen.buffer[y][x]
    blank = c.data == " " and not c.underscore and not c.reverse
    return (c.data, "-" if blank else colour(c.fg), colour(c.bg), False if blank else c.bold, c.underscore, c.reverse)


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def replay(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        fail("empty file")
    header = json.loads(lines[0])
    if header.get("version") != 2:
        fail(f"header version is {header.get('version')!r}, not 2")
    for key, kind in (("width", int), ("height", int), ("timestamp", int), ("title", str)):
        if not isinstance(header.get(key), kind):
            fail(f"header {key} is {header.get(key)!r}")
    if not isinstance(header.get("env", {}).get("TERM"), str):
        fail("header env.TERM missing")
    screen = pyte.Screen(header["width"], header["height"])
    stream = pyte.ByteStream(screen)
    counts, last = {"o": 0, "r": 0}, 0.0
    for n, line in enumerate(lines[1:], start=2):
        event = json.loads(line)
        if not (isinstance(event, list) and len(event) == 3 and isinstance(event[0], (int, float))
                and event[1] in counts and isinstance(event[2], str)):
            fail(f"line {n}: not an [time, \"o\"|\"r\", data] event: {line[:80]}")
        if event[0] < last:
            fail(f"line {n}: time {event[0]} before {last}")
        last = event[0]
        counts[event[1]] += 1
        if event[1] == "o":
            stream.feed(event[2].encode("utf-8"))
        else:
            m = re.fullmatch(r"(\d+)x(\d+)", event[2])
            if not m:
                fail(f"line {n}: resize {event[2]!r} is not COLSxROWS")
            screen.resize(lines=int(m.group(2)), columns=int(m.group(1)))
    return header, counts, last, screen


def main(path, capture=None):
    header, counts, duration, screen = replay(path)
    result = {"header": header, "events": counts, "duration": duration,
              "size": [screen.columns, screen.lines], "text": [line.rstrip() for line in screen.display]}
    if capture:
        live = pyte.Screen(screen.columns, screen.lines)
        text = open(capture, "rb").read().decode("utf-8").rstrip("\n")
        pyte.Stream(live).feed(text.replace("\n", "\r\n"))
        diffs = []
        for y in range(screen.lines):
            for x in range(screen.columns):
                a, b = cell(screen, x, y), cell(live, x, y)
                if a != b:
                    diffs.append({"x": x, "y": y, "cast": a, "live": b})
        result["differences"] = len(diffs)
        result["first_differences"] = diffs[:10]
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])
