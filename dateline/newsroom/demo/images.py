"""Demo photos drawn with Pillow, so the demo needs no downloads.

Every picture is a flat, editorial-style illustration built from simple shapes. The drawing is fully
deterministic: the same arguments always produce byte-identical JPEG output, because all variation comes
from a ``random.Random`` seeded from the arguments and nothing depends on the clock or the environment.
"""

from __future__ import annotations

import io
import math
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

MOTIFS = ("skyline", "rain", "stadium", "chart", "mountains", "harbour", "portrait", "fields")

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]

# Scenes are drawn at twice the requested size and scaled down, which gives smooth, anti-aliased edges.
_SUPERSAMPLE = 2
_WHITE: RGB = (255, 255, 255)
_BLACK: RGB = (0, 0, 0)
_LOGO_RED: RGB = (139, 24, 30)


# --------------------------------------------------------------------------------------------------------------
# Colour helpers
# --------------------------------------------------------------------------------------------------------------


def _hex(colour: str) -> RGB:
    value = colour.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    if len(value) != 6:
        raise ValueError(f"Expected a hex colour like '#1f3b5a', got {colour!r}")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    t = max(0.0, min(1.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def _lighten(colour: RGB, t: float) -> RGB:
    return _mix(colour, _WHITE, t)


def _darken(colour: RGB, t: float) -> RGB:
    return _mix(colour, _BLACK, t)


def _alpha(colour: RGB, a: int) -> RGBA:
    return (colour[0], colour[1], colour[2], max(0, min(255, a)))


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1 has no sized default font
        return ImageFont.load_default()


# --------------------------------------------------------------------------------------------------------------
# Shared drawing helpers
# --------------------------------------------------------------------------------------------------------------


def _gradient(img: Image.Image, top: RGB, bottom: RGB, y0: int = 0, y1: int | None = None) -> None:
    """Fill rows y0..y1 with a vertical gradient from ``top`` to ``bottom``."""
    draw = ImageDraw.Draw(img)
    y1 = img.height if y1 is None else y1
    span = max(1, y1 - y0 - 1)
    for y in range(y0, y1):
        t = (y - y0) / span
        # Ease the blend a little so the colour change feels like light rather than a straight ramp.
        draw.line([(0, y), (img.width, y)], fill=_mix(top, bottom, t * t * (3 - 2 * t)))


def _glow(img: Image.Image, centre: tuple[float, float], radius: float, colour: RGB, strength: int = 90) -> None:
    """A soft halo: concentric translucent discs."""
    draw = ImageDraw.Draw(img, "RGBA")
    cx, cy = centre
    steps = 14
    for i in range(steps, 0, -1):
        r = radius * (1 + i * 0.22)
        a = round(strength * (1 - i / (steps + 1)) ** 2 / 3)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=_alpha(colour, a))


def _disc(draw: ImageDraw.ImageDraw, centre: tuple[float, float], radius: float, fill: RGB | RGBA) -> None:
    cx, cy = centre
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=fill)


def _cloud(draw: ImageDraw.ImageDraw, x: float, y: float, scale: float, fill: RGBA, rng: random.Random) -> None:
    puffs = rng.randint(4, 6)
    for i in range(puffs):
        px = x + (i - puffs / 2) * scale * 0.55 + rng.uniform(-0.1, 0.1) * scale
        py = y - math.sin(math.pi * (i + 0.5) / puffs) * scale * 0.35 + rng.uniform(-0.05, 0.05) * scale
        r = scale * rng.uniform(0.38, 0.55)
        draw.ellipse([px - r, py - r * 0.8, px + r, py + r * 0.8], fill=fill)


def _paste_clipped(img: Image.Image, layer: Image.Image, mask: Image.Image) -> None:
    """Composite an RGBA layer onto img, but only where ``mask`` is white."""
    alpha = ImageChops.multiply(layer.getchannel("A"), mask)
    img.paste(layer.convert("RGB"), (0, 0), alpha)


def _wavy_ridge(
    w: int, base: float, amplitude: float, rng: random.Random, waves: float = 2.0
) -> list[tuple[float, float]]:
    phase = rng.uniform(0, math.tau)
    phase2 = rng.uniform(0, math.tau)
    points = []
    for i in range(61):
        x = w * i / 60
        y = base + amplitude * (
            math.sin(phase + waves * math.tau * i / 60) * 0.7 + math.sin(phase2 + 2.3 * waves * math.tau * i / 60) * 0.3
        )
        points.append((x, y))
    return points


# --------------------------------------------------------------------------------------------------------------
# Motifs. Each takes the supersampled canvas, the two palette colours and a seeded RNG.
# --------------------------------------------------------------------------------------------------------------


def _skyline(img: Image.Image, dark: RGB, accent: RGB, rng: random.Random) -> None:
    w, h = img.size
    ground = round(h * 0.82)
    _gradient(img, _darken(dark, 0.25), _lighten(_mix(dark, accent, 0.75), 0.2), 0, ground)
    sun = (w * rng.uniform(0.58, 0.8), h * rng.uniform(0.36, 0.48))
    _glow(img, sun, h * 0.09, _lighten(accent, 0.3), 110)
    draw = ImageDraw.Draw(img, "RGBA")
    _disc(draw, sun, h * 0.09, _lighten(accent, 0.45))
    for _ in range(3):
        _cloud(
            draw,
            w * rng.uniform(0.1, 0.9),
            h * rng.uniform(0.12, 0.3),
            h * rng.uniform(0.08, 0.13),
            _alpha(_lighten(accent, 0.6), 55),
            rng,
        )

    # Far layer: pale, hazy towers.
    far = _mix(_mix(dark, accent, 0.45), _WHITE, 0.15)
    x = -rng.uniform(0, w * 0.03)
    while x < w:
        bw = w * rng.uniform(0.035, 0.075)
        bh = h * rng.uniform(0.22, 0.5)
        draw.rectangle([x, ground - bh, x + bw, ground], fill=_alpha(far, 200))
        if rng.random() < 0.3:
            draw.line(
                [(x + bw / 2, ground - bh), (x + bw / 2, ground - bh - h * 0.05)],
                fill=_alpha(far, 200),
                width=max(2, round(w * 0.002)),
            )
        x += bw + w * rng.uniform(0.0, 0.012)

    # Near layer: darker blocks with lit windows.
    near = _darken(dark, 0.35)
    lit = _lighten(accent, 0.35)
    unlit = _mix(near, dark, 0.5)
    x = -rng.uniform(0, w * 0.04)
    while x < w:
        bw = w * rng.uniform(0.06, 0.12)
        bh = h * rng.uniform(0.16, 0.42)
        top = ground - bh
        draw.rectangle([x, top, x + bw, ground], fill=near)
        if rng.random() < 0.45:  # a stepped roof
            inset = bw * 0.2
            draw.rectangle([x + inset, top - h * 0.035, x + bw - inset, top], fill=near)
        win = w * 0.009
        gap_x = win * 1.25
        cols = max(1, int((bw - gap_x) // (win + gap_x)))
        offset = (bw - cols * win - (cols - 1) * gap_x) / 2
        wy = top + h * 0.025
        while wy < ground - h * 0.04:
            for c in range(cols):
                wx = x + offset + c * (win + gap_x)
                colour = lit if rng.random() < 0.38 else unlit
                draw.rectangle([wx, wy, wx + win, wy + win * 1.3], fill=colour)
            wy += win * 2.6
        x += bw + w * rng.uniform(0.004, 0.02)

    # Street with lamps and reflected light.
    draw.rectangle([0, ground, w, h], fill=_darken(dark, 0.55))
    draw.rectangle([0, ground, w, ground + h * 0.012], fill=_darken(dark, 0.2))
    for i in range(9):
        lx = w * (i + 0.5) / 9
        draw.line(
            [(lx, ground + h * 0.012), (lx, ground + h * 0.07)],
            fill=_darken(dark, 0.1),
            width=max(2, round(w * 0.0025)),
        )
        _disc(draw, (lx, ground + h * 0.07), h * 0.006, _lighten(accent, 0.5))
    for _ in range(40):
        sx = w * rng.random()
        sy = h * rng.uniform(0.86, 0.98)
        draw.line(
            [(sx, sy), (sx + w * rng.uniform(0.01, 0.04), sy)], fill=_alpha(lit, 70), width=max(2, round(h * 0.003))
        )


def _rain(img: Image.Image, dark: RGB, accent: RGB, rng: random.Random) -> None:
    w, h = img.size
    horizon = round(h * 0.7)
    grey = _mix(dark, (128, 136, 148), 0.45)
    _gradient(img, _darken(grey, 0.25), _lighten(grey, 0.35), 0, horizon)
    draw = ImageDraw.Draw(img, "RGBA")
    for _ in range(6):
        _cloud(
            draw,
            w * rng.uniform(-0.05, 1.05),
            h * rng.uniform(0.06, 0.25),
            h * rng.uniform(0.12, 0.2),
            _alpha(_darken(grey, 0.2), 90),
            rng,
        )

    # Misty buildings behind the street.
    mist = _mix(grey, _WHITE, 0.15)
    x = 0.0
    while x < w:
        bw = w * rng.uniform(0.05, 0.11)
        bh = h * rng.uniform(0.15, 0.38)
        draw.rectangle([x, horizon - bh, x + bw, horizon], fill=_alpha(_darken(mist, 0.15), 170))
        x += bw + w * rng.uniform(0.005, 0.02)

    # Wet street: a dark band with glossy streaks.
    _gradient(img, _darken(grey, 0.45), _darken(dark, 0.3), horizon, h)
    draw = ImageDraw.Draw(img, "RGBA")
    draw.rectangle([0, horizon, w, horizon + h * 0.01], fill=_darken(grey, 0.1))
    for _ in range(60):
        sx = w * rng.random()
        sy = rng.uniform(horizon + h * 0.03, h)
        draw.line(
            [(sx, sy), (sx + w * rng.uniform(0.02, 0.08), sy)],
            fill=_alpha(_lighten(grey, 0.5), 45),
            width=max(2, round(h * 0.003)),
        )

    # People under umbrellas, each with a reflection in the wet road.
    count = rng.randint(3, 5)
    for i in range(count):
        px = w * (i + 0.5 + rng.uniform(-0.2, 0.2)) / count
        depth = rng.uniform(0.75, 1.15)
        feet = horizon + h * 0.16 * depth
        body_h = h * 0.17 * depth
        body_w = h * 0.05 * depth
        shade = _darken(dark, 0.55)
        canopy = _mix(accent, _WHITE, rng.uniform(0.0, 0.3)) if i % 2 == 0 else _mix(accent, dark, 0.45)
        top = feet - body_h
        r = h * 0.085 * depth
        # Reflection first so the figure sits on top of it.
        draw.ellipse([px - r, feet + h * 0.005, px + r, feet + r * 0.55], fill=_alpha(canopy, 45))
        draw.rounded_rectangle(
            [px - body_w / 2, top, px + body_w / 2, feet - body_h * 0.35], radius=body_w * 0.4, fill=shade
        )
        leg = max(2, round(body_w * 0.22))
        draw.line([(px - body_w * 0.2, feet - body_h * 0.4), (px - body_w * 0.25, feet)], fill=shade, width=leg)
        draw.line([(px + body_w * 0.2, feet - body_h * 0.4), (px + body_w * 0.3, feet)], fill=shade, width=leg)
        _disc(draw, (px, top - body_w * 0.35), body_w * 0.42, shade)
        draw.line([(px, top - r * 0.9), (px, top + body_h * 0.1)], fill=shade, width=max(2, round(r * 0.05)))
        draw.pieslice([px - r, top - r * 1.3, px + r, top + r * 0.7], 180, 360, fill=canopy)
        for k in range(1, 4):  # canopy ribs
            angle = math.pi + math.pi * k / 4
            draw.line(
                [(px, top - r * 0.3), (px + r * math.cos(angle), top - r * 0.3 + r * math.sin(angle))],
                fill=_alpha(_darken(canopy, 0.3), 110),
                width=max(2, round(r * 0.03)),
            )

    # Rain: slanted translucent streaks over everything, plus ripples on the road.
    slant = rng.uniform(0.18, 0.3)
    for _ in range(int(w * h / 9000)):
        x0 = rng.uniform(-0.1 * w, w)
        y0 = rng.uniform(-0.05 * h, h)
        length = h * rng.uniform(0.03, 0.07)
        draw.line(
            [(x0, y0), (x0 + length * slant, y0 + length)],
            fill=_alpha(_WHITE, rng.randint(40, 110)),
            width=max(1, round(w * 0.0009)),
        )
    for _ in range(25):
        rx = w * rng.random()
        ry = rng.uniform(horizon + h * 0.04, h * 0.98)
        rr = h * rng.uniform(0.008, 0.022)
        draw.ellipse(
            [rx - rr * 2.5, ry - rr * 0.5, rx + rr * 2.5, ry + rr * 0.5],
            outline=_alpha(_WHITE, 70),
            width=max(1, round(h * 0.002)),
        )


def _stadium(img: Image.Image, dark: RGB, accent: RGB, rng: random.Random) -> None:
    w, h = img.size
    _gradient(img, _darken(dark, 0.5), _mix(dark, accent, 0.35))
    draw = ImageDraw.Draw(img, "RGBA")
    for _ in range(70):
        _disc(
            draw,
            (w * rng.random(), h * rng.uniform(0, 0.35)),
            h * rng.uniform(0.0015, 0.004),
            _alpha(_WHITE, rng.randint(90, 200)),
        )

    cx = w / 2
    outer = [w * 0.04, h * 0.42, w * 0.96, h * 1.18]
    draw.ellipse(outer, fill=_darken(dark, 0.45))
    draw.ellipse([w * 0.07, h * 0.46, w * 0.93, h * 1.14], fill=_darken(dark, 0.2))

    # The crowd: tiny dots of colour around the bowl.
    crowd = [_lighten(accent, 0.3), _WHITE, _mix(accent, dark, 0.3), _lighten(dark, 0.4)]
    rx_out, ry_out = w * 0.43, h * 0.34
    rx_in, ry_in = w * 0.34, h * 0.22
    cy = h * 0.8
    for _ in range(int(w * h / 1500)):
        ang = rng.uniform(math.pi, math.tau) if rng.random() < 0.8 else rng.uniform(0, math.pi)
        t = rng.uniform(0.05, 0.95)
        rx = rx_in + (rx_out - rx_in) * t
        ry = ry_in + (ry_out - ry_in) * t
        _disc(
            draw,
            (cx + rx * math.cos(ang), cy + ry * math.sin(ang)),
            h * 0.0035,
            _alpha(rng.choice(crowd), rng.randint(110, 210)),
        )

    # Pitch with mowing stripes clipped to the oval.
    pitch_box = [cx - rx_in, cy - ry_in, cx + rx_in, cy + ry_in]
    grass = _mix((52, 128, 64), accent, 0.12)
    draw.ellipse(pitch_box, fill=grass)
    stripes = Image.new("RGBA", img.size, (0, 0, 0, 0))
    sdraw = ImageDraw.Draw(stripes)
    band = w * 0.035
    x = pitch_box[0]
    flip = False
    while x < pitch_box[2]:
        if flip:
            sdraw.rectangle([x, pitch_box[1], x + band, pitch_box[3]], fill=_alpha(_lighten(grass, 0.15), 255))
        flip = not flip
        x += band
    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).ellipse(pitch_box, fill=255)
    _paste_clipped(img, stripes, mask)
    draw = ImageDraw.Draw(img, "RGBA")
    inset = w * 0.02
    draw.ellipse(
        [pitch_box[0] + inset, pitch_box[1] + inset * 0.6, pitch_box[2] - inset, pitch_box[3] - inset * 0.6],
        outline=_alpha(_WHITE, 200),
        width=max(2, round(h * 0.004)),
    )
    draw.rectangle([cx - w * 0.012, cy - h * 0.07, cx + w * 0.012, cy + h * 0.07], fill=(214, 190, 140))
    for sy in (cy - h * 0.06, cy + h * 0.06):
        draw.line([(cx - w * 0.016, sy), (cx + w * 0.016, sy)], fill=_WHITE, width=max(2, round(h * 0.003)))

    # Floodlight towers with beams.
    light = _lighten(accent, 0.7)
    for fx, base_y in ((0.12, 0.62), (0.3, 0.47), (0.7, 0.47), (0.88, 0.62)):
        px = w * fx
        top_y = h * rng.uniform(0.1, 0.16)
        beam = [
            (px - w * 0.03, top_y),
            (px + w * 0.03, top_y),
            (cx + (px - cx) * 0.1 + w * 0.12, cy),
            (cx + (px - cx) * 0.1 - w * 0.12, cy),
        ]
        draw.polygon(beam, fill=_alpha(light, 22))
        draw.line([(px, h * base_y), (px, top_y)], fill=_darken(dark, 0.6), width=max(3, round(w * 0.004)))
        _glow(img, (px, top_y), h * 0.035, light, 120)
        draw = ImageDraw.Draw(img, "RGBA")
        draw.rectangle([px - w * 0.03, top_y - h * 0.03, px + w * 0.03, top_y + h * 0.015], fill=_darken(dark, 0.5))
        for gx in range(4):
            for gy in range(2):
                bx = px - w * 0.026 + gx * w * 0.0135
                by = top_y - h * 0.026 + gy * h * 0.02
                draw.rectangle([bx, by, bx + w * 0.011, by + h * 0.016], fill=light)


def _chart(img: Image.Image, dark: RGB, accent: RGB, rng: random.Random) -> None:
    w, h = img.size
    _gradient(img, _lighten(dark, 0.08), _darken(dark, 0.35))
    draw = ImageDraw.Draw(img, "RGBA")
    # Decorative circles in the background.
    for _ in range(5):
        _disc(draw, (w * rng.random(), h * rng.random()), h * rng.uniform(0.15, 0.4), _alpha(accent, 14))

    left, right, top, bottom = w * 0.1, w * 0.9, h * 0.16, h * 0.84
    grid = _alpha(_WHITE, 38)
    for i in range(6):
        gy = bottom - (bottom - top) * i / 5
        draw.line([(left, gy), (right, gy)], fill=grid, width=max(1, round(h * 0.002)))
    draw.line([(left, bottom), (right, bottom)], fill=_alpha(_WHITE, 160), width=max(2, round(h * 0.004)))

    bars = rng.randint(9, 13)
    rising = rng.random() < 0.65
    level = rng.uniform(0.25, 0.4) if rising else rng.uniform(0.7, 0.85)
    values = []
    for _ in range(bars):
        step = rng.uniform(0.0, 0.09) if rising else -rng.uniform(0.0, 0.08)
        level = max(0.12, min(0.95, level + step + rng.uniform(-0.06, 0.06)))
        values.append(level)
    slot = (right - left) / bars
    points = []
    for i, v in enumerate(values):
        bx = left + slot * i + slot * 0.18
        by = bottom - (bottom - top) * v
        colour = _lighten(accent, 0.1) if i == bars - 1 else _alpha(accent, 150 + round(80 * i / bars))
        draw.rounded_rectangle([bx, by, bx + slot * 0.64, bottom], radius=slot * 0.08, fill=colour)
        points.append((bx + slot * 0.32, by - (bottom - top) * 0.08))

    line_w = max(3, round(h * 0.008))
    draw.line(points, fill=_WHITE, width=line_w, joint="curve")
    for p in points:
        _disc(draw, p, line_w * 1.4, _WHITE)
        _disc(draw, p, line_w * 0.7, dark)
    # Arrow head continuing the final segment.
    (x1, y1), (x2, y2) = points[-2], points[-1]
    ang = math.atan2(y2 - y1, x2 - x1)
    tip = (x2 + math.cos(ang) * slot * 0.7, y2 + math.sin(ang) * slot * 0.7)
    draw.line([(x2, y2), tip], fill=_WHITE, width=line_w)
    size = slot * 0.35
    draw.polygon(
        [
            tip,
            (tip[0] - size * math.cos(ang - 0.5), tip[1] - size * math.sin(ang - 0.5)),
            (tip[0] - size * math.cos(ang + 0.5), tip[1] - size * math.sin(ang + 0.5)),
        ],
        fill=_WHITE,
    )
    # Axis ticks.
    for i in range(bars):
        tx = left + slot * (i + 0.5)
        draw.line([(tx, bottom), (tx, bottom + h * 0.015)], fill=_alpha(_WHITE, 140), width=max(1, round(h * 0.003)))


def _mountains(img: Image.Image, dark: RGB, accent: RGB, rng: random.Random) -> None:
    w, h = img.size
    sky_top = _darken(dark, 0.1)
    sky_bottom = _lighten(accent, 0.55)
    _gradient(img, sky_top, sky_bottom, 0, h)
    sun = (w * rng.uniform(0.2, 0.8), h * rng.uniform(0.22, 0.34))
    _glow(img, sun, h * 0.07, _lighten(accent, 0.6), 120)
    draw = ImageDraw.Draw(img, "RGBA")
    _disc(draw, sun, h * 0.07, _lighten(accent, 0.75))

    layers = 4
    for layer in range(layers):
        depth = layer / (layers - 1)  # 0 = far, 1 = near
        colour = _mix(_mix(sky_bottom, dark, 0.35), _darken(dark, 0.45), depth)
        base = h * (0.6 + 0.1 * depth)
        peaks = rng.randint(3, 5) + (1 if layer == 0 else 0)
        xs = sorted(rng.uniform(-0.1, 1.1) * w for _ in range(peaks))
        for px in xs:
            height = h * rng.uniform(0.22, 0.42) * (1.15 - depth * 0.55)
            half = w * rng.uniform(0.12, 0.22)
            peak = (px, base - height)
            if depth < 0.7 and height > h * 0.2:
                cap = 0.28
                left = (peak[0] + (-half) * cap, peak[1] + height * cap)
                right = (peak[0] + half * cap, peak[1] + height * cap)
                notch = [
                    (left[0] + (right[0] - left[0]) * k / 4, left[1] + (h * 0.02 if k % 2 else 0)) for k in range(1, 4)
                ]
                draw.polygon([(px - half, base), peak, (px + half, base)], fill=colour)
                draw.polygon([left, peak, right, *reversed(notch)], fill=_alpha(_lighten(colour, 0.8), 235))
            else:
                draw.polygon([(px - half, base), peak, (px + half, base)], fill=colour)
        draw.rectangle([0, base, w, h], fill=colour)

    # Pine trees along the foreground.
    tree = _darken(dark, 0.6)
    for _ in range(rng.randint(9, 14)):
        tx = w * rng.random()
        ty = h * rng.uniform(0.9, 1.0)
        th = h * rng.uniform(0.12, 0.22)
        for tier in range(3):
            tw = th * (0.35 - tier * 0.07)
            tt = ty - th * (0.35 + tier * 0.25)
            draw.polygon([(tx - tw, tt + th * 0.4), (tx, tt - th * 0.05), (tx + tw, tt + th * 0.4)], fill=tree)
        draw.rectangle([tx - th * 0.03, ty - th * 0.2, tx + th * 0.03, ty], fill=tree)
    # A few birds.
    for _ in range(5):
        bx = w * rng.uniform(0.1, 0.9)
        by = h * rng.uniform(0.1, 0.3)
        s = h * rng.uniform(0.01, 0.018)
        draw.line(
            [(bx - s, by - s * 0.5), (bx, by), (bx + s, by - s * 0.5)],
            fill=_alpha(_darken(dark, 0.3), 200),
            width=max(2, round(h * 0.003)),
            joint="curve",
        )


def _harbour(img: Image.Image, dark: RGB, accent: RGB, rng: random.Random) -> None:
    w, h = img.size
    horizon = round(h * 0.6)
    _gradient(img, _mix(dark, _WHITE, 0.1), _lighten(accent, 0.5), 0, horizon)
    sun = (w * rng.uniform(0.25, 0.75), horizon - h * 0.09)
    _glow(img, sun, h * 0.075, _lighten(accent, 0.6), 120)
    draw = ImageDraw.Draw(img, "RGBA")
    _disc(draw, sun, h * 0.075, _lighten(accent, 0.7))
    for _ in range(3):
        _cloud(draw, w * rng.random(), h * rng.uniform(0.1, 0.3), h * rng.uniform(0.07, 0.12), _alpha(_WHITE, 70), rng)

    # Port on the horizon: container stacks and cranes.
    silhouette = _mix(dark, _lighten(accent, 0.5), 0.3)
    box_colours = [_mix(accent, dark, 0.2), _mix(dark, _WHITE, 0.3), _mix(accent, _WHITE, 0.3), _darken(accent, 0.3)]
    draw.rectangle([0, horizon - h * 0.025, w, horizon], fill=silhouette)
    x = w * rng.uniform(0.0, 0.05)
    while x < w:
        stacks = rng.randint(1, 4)
        cw = w * rng.uniform(0.03, 0.05)
        for s in range(stacks):
            top = horizon - h * 0.025 - (s + 1) * h * 0.022
            draw.rectangle([x, top, x + cw, top + h * 0.02], fill=_alpha(rng.choice(box_colours), 220))
        x += cw + w * rng.uniform(0.003, 0.05)
    for _ in range(rng.randint(2, 4)):
        cx = w * rng.uniform(0.05, 0.95)
        top = horizon - h * rng.uniform(0.2, 0.28)
        lw = max(3, round(w * 0.003))
        draw.line([(cx - w * 0.012, horizon), (cx, top), (cx + w * 0.012, horizon)], fill=silhouette, width=lw)
        draw.line([(cx - w * 0.05, top + h * 0.02), (cx + w * 0.08, top + h * 0.02)], fill=silhouette, width=lw)
        draw.line(
            [(cx + w * 0.06, top + h * 0.02), (cx + w * 0.06, top + h * 0.09)], fill=silhouette, width=max(2, lw // 2)
        )

    # Water.
    _gradient(img, _mix(dark, accent, 0.25), _darken(dark, 0.45), horizon, h)
    draw = ImageDraw.Draw(img, "RGBA")
    for i in range(14):  # sun reflection
        ry = horizon + h * 0.012 + i * h * 0.02
        half = h * 0.07 * (1 - i / 16) * rng.uniform(0.6, 1.1)
        draw.line(
            [(sun[0] - half, ry), (sun[0] + half, ry)],
            fill=_alpha(_lighten(accent, 0.6), 140 - i * 8),
            width=max(2, round(h * 0.006)),
        )
    for _ in range(int(w * h / 40000)):
        wx = w * rng.random()
        wy = rng.uniform(horizon + h * 0.02, h)
        ww = w * rng.uniform(0.01, 0.035) * (0.5 + (wy - horizon) / (h - horizon))
        draw.arc(
            [wx - ww, wy - ww * 0.2, wx + ww, wy + ww * 0.2],
            200,
            340,
            fill=_alpha(_WHITE, 60),
            width=max(2, round(h * 0.003)),
        )

    # Boats, nearer ones larger and lower.
    for i in range(rng.randint(2, 3)):
        depth = rng.uniform(0.0, 1.0)
        bx = w * (0.2 + 0.3 * i + rng.uniform(-0.08, 0.08))
        by = horizon + h * (0.08 + 0.25 * depth)
        size = h * (0.1 + 0.1 * depth)
        hull = _mix(accent, dark, 0.6) if i % 2 else _darken(dark, 0.4)
        draw.polygon(
            [
                (bx - size, by - size * 0.25),
                (bx + size, by - size * 0.25),
                (bx + size * 0.75, by),
                (bx - size * 0.8, by),
            ],
            fill=hull,
        )
        draw.line(
            [(bx - size, by - size * 0.25), (bx + size, by - size * 0.25)],
            fill=_lighten(accent, 0.3),
            width=max(2, round(size * 0.04)),
        )
        draw.ellipse([bx - size * 0.9, by, bx + size * 0.9, by + size * 0.18], fill=_alpha(hull, 60))
        if rng.random() < 0.5:
            mast_top = by - size * 1.5
            draw.line([(bx, by - size * 0.25), (bx, mast_top)], fill=hull, width=max(2, round(size * 0.04)))
            draw.polygon(
                [
                    (bx + size * 0.05, mast_top + size * 0.05),
                    (bx + size * 0.05, by - size * 0.35),
                    (bx + size * 0.75, by - size * 0.35),
                ],
                fill=_lighten(accent, 0.75),
            )
            draw.polygon(
                [
                    (bx - size * 0.05, mast_top + size * 0.25),
                    (bx - size * 0.05, by - size * 0.35),
                    (bx - size * 0.55, by - size * 0.35),
                ],
                fill=_alpha(_WHITE, 220),
            )
        else:
            draw.rectangle(
                [bx - size * 0.45, by - size * 0.6, bx + size * 0.2, by - size * 0.25], fill=_lighten(dark, 0.75)
            )
            for k in range(3):
                wx = bx - size * 0.38 + k * size * 0.18
                draw.rectangle([wx, by - size * 0.52, wx + size * 0.1, by - size * 0.42], fill=_mix(dark, accent, 0.4))

    # Pier posts in the foreground.
    post = _darken(dark, 0.65)
    for k in range(5):
        px = w * (0.02 + k * 0.06)
        draw.rectangle([px, h * (0.8 + k * 0.01), px + w * 0.018, h], fill=post)
    draw.rectangle([0, h * 0.8, w * 0.3, h * 0.83], fill=post)


def _portrait(img: Image.Image, dark: RGB, accent: RGB, rng: random.Random) -> None:
    w, h = img.size
    _gradient(img, _mix(dark, accent, 0.25), _darken(dark, 0.35))
    # Soft spotlight behind the head.
    spot = Image.new("RGBA", img.size, (0, 0, 0, 0))
    sdraw = ImageDraw.Draw(spot)
    cx = w * rng.uniform(0.44, 0.56)
    _disc(sdraw, (cx, h * 0.42), h * 0.42, _alpha(_lighten(accent, 0.35), 150))
    spot = spot.filter(ImageFilter.GaussianBlur(h * 0.08))
    img.paste(spot, (0, 0), spot)
    draw = ImageDraw.Draw(img, "RGBA")
    # Abstract background strokes.
    for _ in range(6):
        x0 = w * rng.random()
        draw.line([(x0, 0), (x0 - h * 0.6, h)], fill=_alpha(_WHITE, 12), width=round(w * rng.uniform(0.01, 0.04)))

    head_w, head_h = h * 0.13, h * 0.165
    head_c = (cx, h * 0.38)
    body = _darken(dark, 0.6)
    rim = _lighten(accent, 0.45)

    def figure(dx: float, dy: float, colour: RGB) -> None:
        hx, hy = head_c[0] + dx, head_c[1] + dy
        draw.rounded_rectangle(
            [hx - head_w * 0.42, hy + head_h * 0.5, hx + head_w * 0.42, hy + head_h * 1.35],
            radius=head_w * 0.2,
            fill=colour,
        )
        shoulders = hy + head_h * 1.2
        draw.ellipse([hx - h * 0.42, shoulders, hx + h * 0.42, shoulders + h * 0.5], fill=colour)
        draw.rectangle([hx - h * 0.42, shoulders + h * 0.25, hx + h * 0.42, h], fill=colour)
        draw.ellipse([hx - head_w, hy - head_h, hx + head_w, hy + head_h], fill=colour)

    figure(-h * 0.008, -h * 0.006, rim)  # rim light
    figure(h * 0.004, h * 0.002, body)
    # Collar and lapels.
    collar_y = head_c[1] + head_h * 1.3
    shirt = _lighten(accent, 0.8)
    draw.polygon(
        [(cx - head_w * 0.45, collar_y), (cx, collar_y + h * 0.12), (cx + head_w * 0.45, collar_y)], fill=shirt
    )
    draw.polygon(
        [(cx - head_w * 0.1, collar_y + h * 0.05), (cx, collar_y + h * 0.2), (cx + head_w * 0.1, collar_y + h * 0.05)],
        fill=_mix(accent, dark, 0.3),
    )
    # A hint of a microphone at the lower edge, as in an interview photo.
    mx = cx + h * rng.choice((-0.62, 0.62))
    draw.line([(mx, h), (mx + (cx - mx) * 0.18, h * 0.78)], fill=_darken(dark, 0.8), width=round(h * 0.018))
    _disc(draw, (mx + (cx - mx) * 0.2, h * 0.76), h * 0.04, _mix(dark, (90, 90, 90), 0.6))


def _fields(img: Image.Image, dark: RGB, accent: RGB, rng: random.Random) -> None:
    w, h = img.size
    horizon = h * 0.48
    _gradient(img, _lighten(dark, 0.35), _lighten(accent, 0.7), 0, round(horizon) + h // 10)
    sun = (w * rng.uniform(0.15, 0.85), h * rng.uniform(0.16, 0.28))
    _glow(img, sun, h * 0.06, _lighten(accent, 0.6), 120)
    draw = ImageDraw.Draw(img, "RGBA")
    _disc(draw, sun, h * 0.06, _lighten(accent, 0.8))
    for _ in range(4):
        _cloud(
            draw, w * rng.random(), h * rng.uniform(0.08, 0.3), h * rng.uniform(0.06, 0.11), _alpha(_WHITE, 150), rng
        )

    greens = [(92, 140, 62), (128, 164, 74), (70, 118, 58), (168, 176, 84)]
    bands = 5
    ridges = []
    for b in range(bands):
        base = horizon + (h - horizon) * (b / bands) ** 1.3
        ridges.append(_wavy_ridge(w, base, h * 0.02 * (1 + b * 0.5), rng, waves=rng.uniform(0.6, 1.4)))
    for b, ridge in enumerate(ridges):
        base_colour = greens[b % len(greens)]
        colour = _mix(base_colour, accent, 0.25 if b % 2 else 0.05)
        colour = _mix(colour, _lighten(accent, 0.6), 0.35 * (1 - b / bands))  # haze in the distance
        poly = [*ridge, (w, h), (0, h)]
        draw.polygon(poly, fill=colour)
        if b >= 1:
            # Crop rows that converge towards a vanishing point on the horizon.
            layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
            ldraw = ImageDraw.Draw(layer)
            vx = w * rng.uniform(0.2, 0.8)
            stripe = _darken(colour, 0.18) if b % 2 else _lighten(colour, 0.18)
            rows = 26 + b * 6
            for r in range(-rows, rows * 2):
                x_bottom = w * r / rows
                ldraw.line(
                    [(vx, horizon - h * 0.2), (x_bottom, h * 1.3)],
                    fill=_alpha(stripe, 255),
                    width=max(2, round(w * 0.004 * (b + 1) / 2)),
                )
            mask = Image.new("L", img.size, 0)
            mdraw = ImageDraw.Draw(mask)
            mdraw.polygon(poly, fill=255)
            if b + 1 < bands:
                mdraw.polygon([*ridges[b + 1], (w, h), (0, h)], fill=0)
            _paste_clipped(img, layer, mask)
            draw = ImageDraw.Draw(img, "RGBA")

    # Trees and a small farmhouse along the first ridge.
    ridge = ridges[0]
    for _ in range(rng.randint(5, 9)):
        i = rng.randint(2, len(ridge) - 3)
        tx, ty = ridge[i]
        size = h * rng.uniform(0.025, 0.045)
        draw.rectangle([tx - size * 0.12, ty - size * 1.2, tx + size * 0.12, ty + size * 0.1], fill=(80, 60, 40))
        _disc(draw, (tx, ty - size * 1.5), size, _darken(greens[2], 0.25))
        _disc(draw, (tx - size * 0.5, ty - size * 1.2), size * 0.7, _darken(greens[2], 0.15))
    hx, hy = ridge[rng.randint(10, 50)]
    hs = h * 0.05
    draw.rectangle([hx - hs, hy - hs * 0.8, hx + hs, hy + hs * 0.1], fill=_lighten(accent, 0.75))
    draw.polygon(
        [(hx - hs * 1.2, hy - hs * 0.8), (hx, hy - hs * 1.6), (hx + hs * 1.2, hy - hs * 0.8)],
        fill=_darken(accent, 0.35),
    )
    draw.rectangle([hx - hs * 0.2, hy - hs * 0.45, hx + hs * 0.2, hy + hs * 0.1], fill=_darken(dark, 0.3))


_SCENES: dict[str, Callable[[Image.Image, RGB, RGB, random.Random], None]] = {
    "skyline": _skyline,
    "rain": _rain,
    "stadium": _stadium,
    "chart": _chart,
    "mountains": _mountains,
    "harbour": _harbour,
    "portrait": _portrait,
    "fields": _fields,
}


# --------------------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------------------


def _badge(img: Image.Image, text: str, size: int, corner: str) -> None:
    """Draw small white text on a translucent dark pill in a corner of the (final-size) image."""
    font = _font(size)
    draw = ImageDraw.Draw(img, "RGBA")
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    tw, th = right - left, bottom - top
    pad_x, pad_y = round(size * 0.55), round(size * 0.35)
    margin = round(size * 0.8)
    box_w, box_h = tw + 2 * pad_x, th + 2 * pad_y
    x = img.width - margin - box_w if corner.endswith("right") else margin
    y = margin if corner.startswith("top") else img.height - margin - box_h
    draw.rounded_rectangle([x, y, x + box_w, y + box_h], radius=round(box_h / 2.5), fill=(0, 0, 0, 130))
    draw.text((x + pad_x - left, y + pad_y - top), text, font=font, fill=(255, 255, 255, 235))


def make_demo_image(
    motif: str,
    palette: tuple[str, str],
    *,
    label: str = "",
    width: int = 1600,
    height: int = 900,
    seed: int = 0,
) -> bytes:
    """Return JPEG bytes of a deterministic illustrated picture for the motif.

    ``palette`` is ``(dark, accent)`` as hex colours. ``label`` is optional small text drawn in the bottom-left
    corner; a "DEMO" badge is always drawn in the top-right corner.
    """
    if motif not in _SCENES:
        raise ValueError(f"Unknown motif {motif!r}; expected one of {', '.join(MOTIFS)}")
    if width < 16 or height < 16:
        raise ValueError("Demo images must be at least 16x16 pixels")
    dark, accent = _hex(palette[0]), _hex(palette[1])
    rng = random.Random(f"{motif}|{palette[0].lower()}|{palette[1].lower()}|{seed}")

    canvas = Image.new("RGB", (width * _SUPERSAMPLE, height * _SUPERSAMPLE), dark)
    _SCENES[motif](canvas, dark, accent, rng)
    img = canvas.resize((width, height), Image.Resampling.LANCZOS)

    text_size = max(12, min(28, round(width / 57)))
    _badge(img, "DEMO", text_size, "top-right")
    if label:
        _badge(img, label, max(11, round(text_size * 0.8)), "bottom-left")

    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=85, optimize=True, progressive=False)
    return buffer.getvalue()


def make_demo_logo(text: str = "EN", size: int = 512) -> bytes:
    """Return PNG bytes of a square logo: a white monogram on a dark red circle, transparent outside it."""
    big = size * 4
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse([0, 0, big - 1, big - 1], fill=_LOGO_RED)
    ring = big * 0.045
    draw.ellipse(
        [ring, ring, big - 1 - ring, big - 1 - ring], outline=(255, 255, 255, 200), width=max(2, round(big * 0.012))
    )
    font_size = round(big * (0.42 if len(text) <= 2 else 0.3))
    font = _font(font_size)
    stroke = max(1, round(font_size * 0.045))
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font, stroke_width=stroke)
    x = (big - (right - left)) / 2 - left
    y = (big - (bottom - top)) / 2 - top
    draw.text((x, y), text, font=font, fill=(255, 255, 255, 255), stroke_width=stroke, stroke_fill=(255, 255, 255))
    img = img.resize((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    img.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


if __name__ == "__main__":
    out_dir = Path(tempfile.gettempdir()) / "demo-images"
    out_dir.mkdir(parents=True, exist_ok=True)
    samples = {
        "skyline": ("#1f3b5a", "#e0a458"),
        "rain": ("#2b3a4a", "#d95d39"),
        "stadium": ("#10243e", "#f2c14e"),
        "chart": ("#16324f", "#3fc1a5"),
        "mountains": ("#2d4059", "#f07b3f"),
        "harbour": ("#1b4965", "#f4a259"),
        "portrait": ("#3d2c4e", "#e9b872"),
        "fields": ("#4a6d7c", "#e8c547"),
    }
    for name in MOTIFS:
        path = out_dir / f"{name}.jpg"
        path.write_bytes(make_demo_image(name, samples[name], label=name.title()))
        print(path)
    logo = out_dir / "logo.png"
    logo.write_bytes(make_demo_logo())
    print(logo)
