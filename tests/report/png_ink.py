#!/usr/bin/env python3
"""Checks that a PNG screenshot is not blank: decodes it with zlib alone (no imaging library)
and counts the pixels that are not near-white.

usage: png_ink.py FILE.png [MIN_PERCENT]
Exit 0 when at least MIN_PERCENT (default 1) of the pixels carry ink, spread over at least a
tenth of the rows; else 1.
"""
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = ihdr
    if depth != 8 or colour not in (0, 2, 4, 6) or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def main(path, min_percent="1"):
    width, height, channels, rows = decode(path)
    colour = 1 if channels < 3 else 3
    ink = 0
    inked_rows = 0
    for line in rows:
        n = 0
        for x in range(0, len(line), channels):
            if min(line[x:x + colour]) < 200:
                n += 1
        ink += n
        inked_rows += n > 0
    percent = 100.0 * ink / (width * height)
    ok = percent >= float(min_percent) and inked_rows >= height / 10
    print(f"{path}: {width}x{height}, {percent:.2f}% ink on {inked_rows} rows: {'ok' if ok else 'BLANK'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
