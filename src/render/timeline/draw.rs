//! The timeline's pixels: a dark card (it sits in Discord's dark and light
//! themes alike), one row per development with its mark on a shared time axis,
//! the label beside the mark on whichever side has room, the axis at the foot and
//! a legend under it. Sizes are chosen for Discord's preview, which shows a
//! 1000-pixel picture at about half size: labels stay near 11 screen pixels.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{DueState, Mark, Row, Timeline};

pub const WIDTH: u32 = 1000;
const MARGIN: i32 = 28;
const HEADER: i32 = 96;
const ROW: i32 = 38;
const AXIS: i32 = 56;
const LEGEND: i32 = 46;
const MARK_R: i32 = 8;
/// Pixels a centred label is moved down to line up with its mark.
const TEXT_DROP: i32 = 2;

const BACKGROUND: RGBColor = RGBColor(0x1e, 0x1f, 0x22);
const BAND: RGBColor = RGBColor(0x26, 0x27, 0x2b);
const GRID: RGBColor = RGBColor(0x3a, 0x3c, 0x42);
const TEXT: RGBColor = RGBColor(0xe3, 0xe5, 0xe8);
const MUTED: RGBColor = RGBColor(0xa0, 0xa5, 0xad);
const MEETING: RGBColor = RGBColor(0x5c, 0xa8, 0xff);
const CANCELLED: RGBColor = RGBColor(0xc9, 0x8b, 0x8b);
const OPEN: RGBColor = RGBColor(0xf0, 0xb2, 0x32);
const OVERDUE: RGBColor = RGBColor(0xf2, 0x4b, 0x4e);
const RESOLVED: RGBColor = RGBColor(0x8a, 0x8e, 0x96);
const TODAY: RGBColor = RGBColor(0x57, 0xf2, 0x87);

/// The picture's height for `rows` rows.
pub fn height(rows: usize) -> u32 {
    (HEADER + ROW * rows as i32 + AXIS + LEGEND) as u32
}

type Area<'a> = DrawingArea<BitMapBackend<'a>, plotters::coord::Shift>;
type DrawResult = Result<(), String>;

fn font(size: u32, bold: bool) -> TextStyle<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    ("sans-serif", size as f64, style).into_font().color(&TEXT)
}

fn fail<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

/// Draws `t` into `buf` (RGB, `WIDTH` × `height(t.rows.len())`).
pub fn draw(t: &Timeline, buf: &mut [u8]) -> DrawResult {
    let h = height(t.rows.len());
    let root = BitMapBackend::with_buffer(buf, (WIDTH, h)).into_drawing_area();
    root.fill(&BACKGROUND).map_err(fail)?;
    header(&root, t)?;
    let axis = Axis::of(t);
    let bottom = HEADER + ROW * t.rows.len() as i32;
    // Bands first, so the grid and today's line run over them.
    for i in (1..t.rows.len()).step_by(2) {
        let top = HEADER + ROW * i as i32;
        let band = Rectangle::new([(0, top), (WIDTH as i32, top + ROW)], BAND.filled());
        root.draw(&band).map_err(fail)?;
    }
    grid(&root, t, &axis, bottom)?;
    for (i, row) in t.rows.iter().enumerate() {
        let y = HEADER + ROW * i as i32 + ROW / 2;
        mark(&root, row.mark, axis.x(row.day), y)?;
        label(&root, row, axis.x(row.day), y)?;
    }
    axis_line(&root, t, &axis, bottom)?;
    legend(&root, bottom + AXIS)?;
    root.present().map_err(fail)
}

/// Days to pixels.
struct Axis {
    from: chrono::NaiveDate,
    days: f64,
}

impl Axis {
    fn of(t: &Timeline) -> Self {
        Axis {
            from: t.from,
            days: (t.to - t.from).num_days().max(1) as f64,
        }
    }

    fn x(&self, day: chrono::NaiveDate) -> i32 {
        let share = (day - self.from).num_days() as f64 / self.days;
        let width = f64::from(WIDTH) - 2.0 * f64::from(MARGIN);
        MARGIN + (share.clamp(0.0, 1.0) * width).round() as i32
    }
}

fn header(root: &Area, t: &Timeline) -> DrawResult {
    root.draw(&Text::new(t.title.clone(), (MARGIN, 18), font(30, true)))
        .map_err(fail)?;
    let sub = font(19, false).color(&MUTED);
    root.draw(&Text::new(t.subtitle.clone(), (MARGIN, 58), sub))
        .map_err(fail)
}

/// Faint lines at the ticks across the rows, and today's line.
fn grid(root: &Area, t: &Timeline, axis: &Axis, bottom: i32) -> DrawResult {
    for tick in &t.ticks {
        let x = axis.x(tick.day);
        root.draw(&PathElement::new(vec![(x, HEADER), (x, bottom)], GRID))
            .map_err(fail)?;
    }
    if let Some(today) = t.today {
        let x = axis.x(today);
        let mut y = HEADER - 6;
        while y < bottom {
            let dash = PathElement::new(
                vec![(x, y), (x, (y + 6).min(bottom))],
                TODAY.stroke_width(2),
            );
            root.draw(&dash).map_err(fail)?;
            y += 11;
        }
        let style = font(16, true)
            .color(&TODAY)
            .pos(Pos::new(HPos::Center, VPos::Bottom));
        root.draw(&Text::new("today", (x, HEADER - 8), style))
            .map_err(fail)?;
    }
    Ok(())
}

fn axis_line(root: &Area, t: &Timeline, axis: &Axis, bottom: i32) -> DrawResult {
    let y = bottom + 6;
    let line = PathElement::new(
        vec![(MARGIN, y), (WIDTH as i32 - MARGIN, y)],
        MUTED.stroke_width(2),
    );
    root.draw(&line).map_err(fail)?;
    let style = font(17, false)
        .color(&MUTED)
        .pos(Pos::new(HPos::Center, VPos::Top));
    for tick in &t.ticks {
        let x = axis.x(tick.day);
        root.draw(&PathElement::new(
            vec![(x, y), (x, y + 7)],
            MUTED.stroke_width(2),
        ))
        .map_err(fail)?;
        // A label near either edge is kept whole inside the picture.
        let (w, _) = root.estimate_text_size(&tick.label, &style).map_err(fail)?;
        let half = w as i32 / 2 + 4;
        let at = x.clamp(half, WIDTH as i32 - half);
        root.draw(&Text::new(tick.label.clone(), (at, y + 12), style.clone()))
            .map_err(fail)?;
    }
    Ok(())
}

fn mark(root: &Area, m: Mark, x: i32, y: i32) -> DrawResult {
    match m {
        Mark::Held => root.draw(&Circle::new((x, y), MARK_R, MEETING.filled())),
        Mark::Planned => root.draw(&Circle::new((x, y), MARK_R, MEETING.stroke_width(3))),
        Mark::Proposed => root.draw(&Circle::new((x, y), MARK_R - 2, MEETING.stroke_width(2))),
        Mark::Cancelled => {
            root.draw(&Circle::new((x, y), MARK_R, CANCELLED.stroke_width(2)))
                .map_err(fail)?;
            let r = MARK_R - 1;
            root.draw(&PathElement::new(
                vec![(x - r, y - r), (x + r, y + r)],
                CANCELLED.stroke_width(3),
            ))
            .map_err(fail)?;
            root.draw(&PathElement::new(
                vec![(x - r, y + r), (x + r, y - r)],
                CANCELLED.stroke_width(3),
            ))
        }
        Mark::Due(state) => return flag(root, state, x, y),
    }
    .map_err(fail)
}

fn due_color(state: DueState) -> RGBColor {
    match state {
        DueState::Open => OPEN,
        DueState::Overdue => OVERDUE,
        DueState::Resolved => RESOLVED,
    }
}

/// A pole standing on the due day with a pennant to its right.
fn flag(root: &Area, state: DueState, x: i32, y: i32) -> DrawResult {
    let color = due_color(state);
    root.draw(&PathElement::new(
        vec![(x, y + 10), (x, y - 11)],
        color.stroke_width(3),
    ))
    .map_err(fail)?;
    root.draw(&Polygon::new(
        vec![(x + 1, y - 11), (x + 15, y - 5), (x + 1, y + 1)],
        color.filled(),
    ))
    .map_err(fail)
}

/// The label right of the mark, or left of it when only the left has room; when
/// neither has, on the roomier side, cut to fit.
fn label(root: &Area, row: &Row, x: i32, y: i32) -> DrawResult {
    let style = font(19, false);
    let width = |s: &str| -> Result<i32, String> {
        Ok(root.estimate_text_size(s, &style).map_err(fail)?.0 as i32)
    };
    let gap = 2 * MARK_R + 4;
    let right_room = WIDTH as i32 - MARGIN - (x + gap);
    let left_room = x - gap - MARGIN / 2;
    let w = width(&row.label)?;
    let right = w <= right_room || (w > left_room && right_room >= left_room);
    let room = if right { right_room } else { left_room };
    let mut text = row.label.clone();
    while width(&text)? > room && text.chars().count() > 8 {
        let keep = text.chars().count() - 2;
        text = text
            .chars()
            .take(keep)
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…";
    }
    let (anchor, at) = if right {
        (HPos::Left, x + gap)
    } else {
        (HPos::Right, x - gap)
    };
    let color = match row.mark {
        Mark::Due(DueState::Resolved) | Mark::Cancelled => MUTED,
        _ => TEXT,
    };
    let style = style.color(&color).pos(Pos::new(anchor, VPos::Center));
    // The font's centre sits a little above the marks' at this size.
    root.draw(&Text::new(text, (at, y + TEXT_DROP), style))
        .map_err(fail)
}

fn legend(root: &Area, top: i32) -> DrawResult {
    let y = top + LEGEND / 2 - 4;
    let entries = [
        (Mark::Held, "held"),
        (Mark::Planned, "planned"),
        (Mark::Proposed, "proposed"),
        (Mark::Cancelled, "cancelled"),
        (Mark::Due(DueState::Open), "due"),
        (Mark::Due(DueState::Overdue), "overdue"),
        (Mark::Due(DueState::Resolved), "done or dropped"),
    ];
    let style = font(16, false)
        .color(&MUTED)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut x = MARGIN + MARK_R;
    for (m, name) in entries {
        mark(root, m, x, y)?;
        root.draw(&Text::new(
            name,
            (x + 2 * MARK_R + 2, y + TEXT_DROP),
            style.clone(),
        ))
        .map_err(fail)?;
        let (w, _) = root.estimate_text_size(name, &style).map_err(fail)?;
        x += 2 * MARK_R + 2 + w as i32 + 26;
    }
    Ok(())
}
