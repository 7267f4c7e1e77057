//! Layout: where to draw each node of a network, and where its label goes.
//!
//! Input: the number of nodes, weighted edges, a stable seed per node (a hash of its id),
//! each node's radius and the size of its label. Output: node positions on a canvas and
//! label boxes that overlap neither each other nor any node.
//!
//! A force simulation (ForceAtlas2's forces: every pair repels, hubs more, edges attract,
//! a gravity toward the centre keeps separate groups on the page), scaled to the canvas, then
//! overlap removal between nodes, then greedy label placement: nodes in order of
//! importance, each label tried at eight places around its node and kept only where it
//! collides with nothing already drawn. Big networks get labels on their most important
//! nodes only (a budget), so labels never pile up.
//!
//! **Invariant**: deterministic. Starting points come from the node seeds, never from a
//! clock or a random source, and the arithmetic is +, −, ×, ÷ and √ only (exactly
//! rounded by IEEE 754 everywhere), so every machine computes the same picture.

/// A point on the canvas (SVG coordinates: y grows downward).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// An axis-aligned rectangle: top-left corner, width, height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Whether two rectangles overlap (touching edges do not count).
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
    /// Whether this rectangle overlaps a circle.
    pub fn hits_circle(&self, c: Point, r: f64) -> bool {
        let nx = c.x.clamp(self.x, self.right());
        let ny = c.y.clamp(self.y, self.bottom());
        let (dx, dy) = (c.x - nx, c.y - ny);
        dx * dx + dy * dy < r * r
    }
    /// Whether `o` lies wholly inside this rectangle.
    pub fn contains(&self, o: &Rect) -> bool {
        o.x >= self.x && o.y >= self.y && o.right() <= self.right() && o.bottom() <= self.bottom()
    }
    fn grown(&self, by: f64) -> Rect {
        Rect { x: self.x - by, y: self.y - by, w: self.w + 2.0 * by, h: self.h + 2.0 * by }
    }
    /// Whether the segment from `a` to `b` passes through this rectangle
    /// (Liang–Barsky clipping).
    pub fn hits_segment(&self, a: Point, b: Point) -> bool {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (p, q) in [(-dx, a.x - self.x), (dx, self.right() - a.x), (-dy, a.y - self.y), (dy, self.bottom() - a.y)] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// The canvas size for a network of `n` nodes: about the same room per node whatever
/// the size, never smaller than a readable minimum.
pub fn canvas_for(n: usize) -> (f64, f64) {
    let s = (145.0 * (n.max(1) as f64).sqrt()).clamp(520.0, 4800.0);
    ((s * 1.35).round(), s.round())
}

/// A stable 64-bit seed for a node, from its id (FNV-1a, then a SplitMix64 finaliser).
pub fn seed(id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A number in [0, 1) from 32 bits of a seed.
fn unit(bits: u64) -> f64 {
    (bits & 0xffff_ffff) as f64 / 4_294_967_296.0
}

/// Node positions inside `frame`: a force-directed layout of `n` nodes joined by
/// `edges` (`(a, b, weight)`), started from `seeds`, scaled to the frame, with no two
/// nodes (of the given radii) overlapping where the frame leaves room. `reserve` lists
/// the nodes whose labels matter most, with their label sizes (`(node, w, h)`): other
/// nodes are moved out of the room beside them, so those labels find a place.
pub fn positions(n: usize, edges: &[(usize, usize, f64)], seeds: &[u64], radius: &[f64], frame: Rect, reserve: &[(usize, f64, f64)]) -> Vec<Point> {
    assert_eq!(seeds.len(), n);
    assert_eq!(radius.len(), n);
    if n == 0 {
        return Vec::new();
    }
    let centre = Point { x: frame.x + frame.w / 2.0, y: frame.y + frame.h / 2.0 };
    if n == 1 {
        return vec![centre];
    }
    let raw = simulate(n, edges, seeds);
    let mut pos = fit(&raw, frame);
    separate(&mut pos, radius, frame, reserve);
    pos
}

/// The force simulation, in abstract units: ForceAtlas2's forces (Jacomy et al. 2014)
/// with Fruchterman–Reingold's cooling. Every pair repels in proportion to the product
/// of their masses (1 + degree) over their distance, so hubs get room around them; an
/// edge pulls its ends together in proportion to their distance (more for pairs that met
/// often); gravity pulls every node toward the centre in proportion to its mass and its
/// distance, so that separate groups stay on the page. A node moves by its force over
/// its mass, at most the temperature, which falls linearly to zero.
fn simulate(n: usize, edges: &[(usize, usize, f64)], seeds: &[u64]) -> Vec<Point> {
    let mut mass = vec![1.0_f64; n];
    for &(a, b, _) in edges {
        if a != b {
            mass[a] += 1.0;
            mass[b] += 1.0;
        }
    }
    let mean_mass = mass.iter().sum::<f64>() / n as f64;
    let side = (n as f64).sqrt() * mean_mass.sqrt() * 1.5;
    let mut p: Vec<Point> = seeds.iter().map(|&s| Point { x: (unit(s) - 0.5) * side, y: (unit(s >> 32) - 0.5) * side }).collect();
    let iterations = if n > 300 { 300 } else { 500 };
    let gravity = 0.5 / mean_mass;
    let t0 = side / 6.0 + 0.5;
    let mut force = vec![Point { x: 0.0, y: 0.0 }; n];
    for it in 0..iterations {
        for f in force.iter_mut() {
            *f = Point { x: 0.0, y: 0.0 };
        }
        for i in 0..n {
            for j in (i + 1)..n {
                let mut dx = p[i].x - p[j].x;
                let mut dy = p[i].y - p[j].y;
                let mut d2 = dx * dx + dy * dy;
                if d2 < 1e-12 {
                    // Coincident points: push apart along a direction from their seeds.
                    dx = unit(seeds[i] ^ seeds[j].rotate_left(17)) - 0.5 + 1e-3;
                    dy = unit((seeds[i] ^ seeds[j]) >> 32) - 0.5;
                    d2 = dx * dx + dy * dy;
                }
                // Magnitude m_i m_j / d along the unit vector (dx, dy) / d.
                let f = mass[i] * mass[j] / d2;
                force[i].x += dx * f;
                force[i].y += dy * f;
                force[j].x -= dx * f;
                force[j].y -= dy * f;
            }
        }
        for &(a, b, w) in edges {
            if a == b {
                continue;
            }
            // Magnitude d (times the weight factor) along the unit vector.
            let strength = (1.0 + w.max(1.0).sqrt()) / 2.0;
            let dx = (p[a].x - p[b].x) * strength;
            let dy = (p[a].y - p[b].y) * strength;
            force[a].x -= dx;
            force[a].y -= dy;
            force[b].x += dx;
            force[b].y += dy;
        }
        let t = t0 * (1.0 - it as f64 / iterations as f64) + 0.002;
        for i in 0..n {
            let fx = (force[i].x - p[i].x * gravity * mass[i]) / mass[i];
            let fy = (force[i].y - p[i].y * gravity * mass[i]) / mass[i];
            let d = (fx * fx + fy * fy).sqrt();
            if d > 0.0 {
                let step = d.min(t);
                p[i].x += fx / d * step;
                p[i].y += fy / d * step;
            }
        }
    }
    p
}

/// Scales and centres points into a frame, keeping the aspect ratio.
fn fit(raw: &[Point], frame: Rect) -> Vec<Point> {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in raw {
        x0 = x0.min(p.x);
        y0 = y0.min(p.y);
        x1 = x1.max(p.x);
        y1 = y1.max(p.y);
    }
    let (bw, bh) = ((x1 - x0).max(1e-9), (y1 - y0).max(1e-9));
    let s = (frame.w / bw).min(frame.h / bh);
    let (ox, oy) = (frame.x + (frame.w - bw * s) / 2.0, frame.y + (frame.h - bh * s) / 2.0);
    raw.iter().map(|p| Point { x: ox + (p.x - x0) * s, y: oy + (p.y - y0) * s }).collect()
}

/// Pushes overlapping nodes apart, and other nodes out of the label room of the
/// `reserve`d ones (a few passes), keeping every node inside the frame.
fn separate(pos: &mut [Point], radius: &[f64], frame: Rect, reserve: &[(usize, f64, f64)]) {
    let n = pos.len();
    let gap = 6.0;
    // Each reserved label goes right of its node, or left when that leaves the frame
    // or when fewer nodes are in the way there; decided once, from the start.
    let room = |p: Point, r: f64, w: f64, h: f64, right: bool| {
        let x = if right { p.x + r + 3.0 } else { p.x - r - 3.0 - w };
        Rect { x, y: p.y - h / 2.0, w, h }.grown(3.0)
    };
    let sides: Vec<bool> = reserve
        .iter()
        .map(|&(i, w, h)| {
            let crowd = |right: bool| {
                let b = room(pos[i], radius[i], w, h, right);
                let outside = if frame.contains(&b) { 0 } else { n };
                outside + (0..n).filter(|&j| j != i && b.hits_circle(pos[j], radius[j])).count()
            };
            crowd(true) <= crowd(false)
        })
        .collect();
    for _ in 0..60 {
        let mut moved = false;
        for i in 0..n {
            for j in (i + 1)..n {
                let need = radius[i] + radius[j] + gap;
                let dx = pos[j].x - pos[i].x;
                let dy = pos[j].y - pos[i].y;
                let d2 = dx * dx + dy * dy;
                if d2 >= need * need {
                    continue;
                }
                let d = d2.sqrt();
                let (ux, uy) = if d > 1e-9 { (dx / d, dy / d) } else { (1.0, 0.0) };
                let push = (need - d) / 2.0;
                pos[i].x -= ux * push;
                pos[i].y -= uy * push;
                pos[j].x += ux * push;
                pos[j].y += uy * push;
                moved = true;
            }
        }
        for (&(i, w, h), &right) in reserve.iter().zip(&sides) {
            let b = room(pos[i], radius[i], w, h, right);
            for j in 0..n {
                let (c, r) = (pos[j], radius[j]);
                if j == i || !b.hits_circle(c, r) {
                    continue;
                }
                let nx = c.x.clamp(b.x, b.right());
                let ny = c.y.clamp(b.y, b.bottom());
                let (dx, dy) = (c.x - nx, c.y - ny);
                let d = (dx * dx + dy * dy).sqrt();
                if d > 1e-9 {
                    // Outside the box, too close: out along the shortest way.
                    let push = r - d + 0.5;
                    pos[j].x += dx / d * push;
                    pos[j].y += dy / d * push;
                } else if c.y < b.y + b.h / 2.0 {
                    // Centre inside the box: out through the nearer long side.
                    pos[j].y = b.y - r - 0.5;
                } else {
                    pos[j].y = b.bottom() + r + 0.5;
                }
                moved = true;
            }
        }
        for (p, r) in pos.iter_mut().zip(radius) {
            p.x = p.x.clamp(frame.x + r, frame.right() - r);
            p.y = p.y.clamp(frame.y + r, frame.bottom() - r);
        }
        if !moved {
            break;
        }
    }
}

/// Where a label sits relative to its node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Below,
    Above,
    RightAbove,
    RightBelow,
    LeftAbove,
    LeftBelow,
}

impl Side {
    /// How the text lines align in the box: `start`, `middle` or `end` (SVG text-anchor).
    pub fn anchor(self) -> &'static str {
        match self {
            Side::Right | Side::RightAbove | Side::RightBelow => "start",
            Side::Left | Side::LeftAbove | Side::LeftBelow => "end",
            Side::Below | Side::Above => "middle",
        }
    }
}

/// A label given a place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub node: usize,
    pub rect: Rect,
    pub side: Side,
}

/// Places labels: nodes in `order` (most important first), at most `budget` labels,
/// each of size `size[node]` tried at eight places around its node and kept only
/// where it stays inside `frame` and overlaps no label already placed and no node;
/// places that cross no edge (`edges`, as pairs of node indices) are preferred.
pub fn place_labels(
    pos: &[Point],
    radius: &[f64],
    size: &[(f64, f64)],
    edges: &[(usize, usize)],
    order: &[usize],
    budget: usize,
    frame: Rect,
) -> Vec<Placed> {
    let pad = 2.0;
    let gap = 3.0;
    let mut placed: Vec<Placed> = Vec::new();
    for &i in order {
        if placed.len() >= budget {
            break;
        }
        let (w, h) = size[i];
        let (c, r) = (pos[i], radius[i]);
        let diag = r * 0.71;
        let candidates = [
            (Side::Right, c.x + r + gap, c.y - h / 2.0),
            (Side::Left, c.x - r - gap - w, c.y - h / 2.0),
            (Side::Below, c.x - w / 2.0, c.y + r + gap),
            (Side::Above, c.x - w / 2.0, c.y - r - gap - h),
            (Side::RightAbove, c.x + diag + gap, c.y - diag - h),
            (Side::RightBelow, c.x + diag + gap, c.y + diag),
            (Side::LeftAbove, c.x - diag - gap - w, c.y - diag - h),
            (Side::LeftBelow, c.x - diag - gap - w, c.y + diag),
        ];
        let fits = |rect: &Rect, avoid_edges: bool| {
            let padded = rect.grown(pad);
            frame.contains(rect)
                && !placed.iter().any(|p| p.rect.intersects(&padded))
                && !pos.iter().zip(radius).any(|(&p, &pr)| padded.hits_circle(p, pr))
                && (!avoid_edges || !edges.iter().any(|&(a, b)| rect.hits_segment(pos[a], pos[b])))
        };
        let found = [true, false].into_iter().find_map(|avoid_edges| {
            candidates.iter().map(|&(side, x, y)| (side, Rect { x, y, w, h })).find(|(_, rect)| fits(rect, avoid_edges))
        });
        if let Some((side, rect)) = found {
            placed.push(Placed { node: i, rect, side });
        }
    }
    placed
}

/// The width a line of text takes at `font_size` pixels, estimated generously from
/// character classes (wide CJK characters a full em, capitals and digits about two
/// thirds), so that estimated boxes contain the rendered text in common sans fonts.
pub fn text_width(s: &str, font_size: f64) -> f64 {
    let mut em = 0.0;
    for c in s.chars() {
        em += match unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) {
            0 => 0.0,
            2 => 1.0,
            _ if c == ' ' => 0.33,
            _ if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.72,
            _ if "iljtf.,;:'!|()[]".contains(c) => 0.36,
            _ if c.is_ascii() => 0.6,
            _ => 0.66,
        };
    }
    em * font_size
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A random-ish graph: `n` nodes, a few hubs, every node linked to one or two others.
    fn graph(n: usize) -> (Vec<u64>, Vec<(usize, usize, f64)>) {
        let seeds: Vec<u64> = (0..n).map(|i| seed(&format!("node-{i}"))).collect();
        let mut edges = Vec::new();
        for (i, &s) in seeds.iter().enumerate().skip(1) {
            let hub = (s % 7) as usize % i.clamp(1, 12);
            edges.push((hub, i, 1.0 + (s >> 60) as f64));
            let other = (s >> 20) as usize % i;
            if other != hub && (s >> 8).is_multiple_of(3) {
                edges.push((other, i, 1.0));
            }
        }
        (seeds, edges)
    }

    fn check(n: usize) -> (Vec<Point>, Vec<Placed>, Vec<usize>) {
        let (seeds, edges) = graph(n);
        let mut degree = vec![0usize; n];
        for &(a, b, _) in &edges {
            degree[a] += 1;
            degree[b] += 1;
        }
        let radius: Vec<f64> = degree.iter().map(|&d| 5.0 + 2.2 * (d as f64).sqrt()).collect();
        let (w, h) = canvas_for(n);
        let frame = Rect { x: 30.0, y: 50.0, w: w - 60.0, h: h - 90.0 };
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| degree[b].cmp(&degree[a]).then(a.cmp(&b)));
        let size: Vec<(f64, f64)> = (0..n).map(|i| (text_width(&format!("Person Number {i}"), 12.0), 28.0)).collect();
        let reserve: Vec<(usize, f64, f64)> = order.iter().take(n / 6).map(|&i| (i, size[i].0, size[i].1)).collect();
        let pos = positions(n, &edges, &seeds, &radius, frame, &reserve);
        assert_eq!(pos, positions(n, &edges, &seeds, &radius, frame, &reserve), "deterministic");
        for (p, r) in pos.iter().zip(&radius) {
            assert!(p.x - r >= frame.x - 1e-9 && p.x + r <= frame.right() + 1e-9, "{p:?} inside");
            assert!(p.y - r >= frame.y - 1e-9 && p.y + r <= frame.bottom() + 1e-9, "{p:?} inside");
        }
        let ends: Vec<(usize, usize)> = edges.iter().map(|e| (e.0, e.1)).collect();
        let labels = place_labels(&pos, &radius, &size, &ends, &order, 120, Rect { x: 0.0, y: 0.0, w, h });
        for (a, la) in labels.iter().enumerate() {
            for lb in &labels[a + 1..] {
                assert!(!la.rect.intersects(&lb.rect), "labels {} and {} overlap", la.node, lb.node);
            }
            for (j, (&p, &r)) in pos.iter().zip(&radius).enumerate() {
                assert!(!la.rect.hits_circle(p, r), "label of {} covers node {j}", la.node);
            }
        }
        (pos, labels, order)
    }

    #[test]
    fn fifty_nodes_spread_out_and_most_are_labelled() {
        let (pos, labels, _) = check(50);
        // Nodes do not overlap.
        for i in 0..pos.len() {
            for j in (i + 1)..pos.len() {
                let d = ((pos[i].x - pos[j].x).powi(2) + (pos[i].y - pos[j].y).powi(2)).sqrt();
                assert!(d > 10.0, "nodes {i} and {j} overlap");
            }
        }
        assert!(labels.len() >= 40, "only {} of 50 labelled", labels.len());
    }

    #[test]
    fn five_hundred_nodes_label_the_hubs_without_piling_up() {
        let (_, labels, order) = check(500);
        assert!(labels.len() >= 60 && labels.len() <= 120, "{} labels", labels.len());
        // The three biggest hubs are labelled.
        let labelled: Vec<usize> = labels.iter().map(|l| l.node).collect();
        for &hub in &order[..3] {
            assert!(labelled.contains(&hub), "hub {hub} unlabelled: {labelled:?}");
        }
    }

    #[test]
    fn segments_and_rectangles() {
        let r = Rect { x: 0.0, y: 0.0, w: 10.0, h: 10.0 };
        let p = |x, y| Point { x, y };
        assert!(r.hits_segment(p(-5.0, 5.0), p(15.0, 5.0)));
        assert!(r.hits_segment(p(5.0, 5.0), p(5.0, 6.0)));
        assert!(!r.hits_segment(p(-5.0, -1.0), p(15.0, -1.0)));
        assert!(!r.hits_segment(p(11.0, 0.0), p(20.0, 20.0)));
        assert!(r.hits_segment(p(-1.0, -1.0), p(11.0, 11.0)));
    }

    #[test]
    fn wide_characters_count_double() {
        assert!(text_width("习近平", 10.0) > text_width("Xi", 10.0) * 2.0);
        assert_eq!(text_width("", 10.0), 0.0);
    }
}
