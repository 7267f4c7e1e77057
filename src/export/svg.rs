//! The picture: a seeded force layout ([`crate::layout`]) drawn as SVG, names in
//! English and Chinese, labels that never overlap, a legend.

use super::{Kind, Link, Network, Node, Relation, display, join, num, round1, xml_attr, xml_text};
use crate::layout::{self, Placed, Point, Rect, Side};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::fmt::Write as _;

impl Network {
    /// Lays the network out: canvas, node positions and radii, label places and sizes.
    pub(super) fn drawing(&self, all_labels: bool) -> Drawing {
        let n = self.graph.node_count();
        let degrees = self.degrees();
        let max_degree = degrees.iter().copied().max().unwrap_or(0).max(1) as f64;
        let radius: Vec<f64> = self
            .nodes()
            .zip(&degrees)
            .map(|(node, &d)| match node.kind {
                Kind::Person => 5.0 + 2.2 * (d as f64).sqrt(),
                _ => 4.0 + 1.6 * (d as f64).sqrt(),
            })
            .collect();
        let (width, height) = layout::canvas_for(n);
        let (header, footer) = (58.0, 34.0);
        let frame = Rect { x: 28.0, y: header + 14.0, w: width - 56.0, h: height - header - footer - 28.0 };
        let edges: Vec<(usize, usize, f64)> =
            self.graph.edge_references().map(|e| (e.source().index(), e.target().index(), e.weight().weight() as f64)).collect();
        let seeds: Vec<u64> = self.nodes().map(|n| layout::seed(&n.id)).collect();
        // Bigger type for the better-connected.
        let font: Vec<f64> = degrees.iter().map(|&d| round1(12.0 + 5.0 * (d as f64 / max_degree))).collect();
        let lines: Vec<(String, Option<String>)> = self
            .nodes()
            .map(|n| {
                let en = display(&n.label);
                let zh = n.label_zh.as_deref().map(display).filter(|z| !z.is_empty() && *z != en);
                (en, zh)
            })
            .collect();
        let size: Vec<(f64, f64)> = lines
            .iter()
            .zip(&font)
            .map(|((en, zh), &f)| {
                let w = layout::text_width(en, f).max(zh.as_deref().map_or(0.0, |z| layout::text_width(z, f)));
                let h = f * 1.2 + zh.as_ref().map_or(0.0, |_| f * 1.25);
                (w.ceil(), h.ceil())
            })
            .collect();
        let strength: Vec<usize> = self.graph.node_indices().map(|i| self.graph.edges(i).map(|e| e.weight().weight()).sum()).collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            let person = |i: usize| self.graph[NodeIndex::new(i)].kind == Kind::Person;
            person(b).cmp(&person(a)).then(degrees[b].cmp(&degrees[a])).then(strength[b].cmp(&strength[a])).then(a.cmp(&b))
        });
        let budget = if n <= 100 { n } else { 100 + (n - 100) / 8 };
        // Room beside the most important nodes for their labels: a quarter of them, at
        // least 8, at most 100.
        let reserve: Vec<(usize, f64, f64)> = order.iter().take((n / 4).clamp(8, 100).min(budget)).map(|&i| (i, size[i].0, size[i].1)).collect();
        let pos = layout::positions(n, &edges, &seeds, &radius, frame, &reserve);
        let page = Rect { x: 4.0, y: header, w: width - 8.0, h: height - header - footer };
        let mut labels: Vec<Option<(Placed, bool)>> = vec![None; n];
        let ends: Vec<(usize, usize)> = edges.iter().map(|e| (e.0, e.1)).collect();
        for p in layout::place_labels(&pos, &radius, &size, &ends, &order, budget, page) {
            labels[p.node] = Some((p, true));
        }
        if all_labels {
            // Hidden labels for the page to show on hover: at the right of their node.
            for i in 0..n {
                if labels[i].is_none() {
                    let (w, h) = size[i];
                    let rect = Rect { x: pos[i].x + radius[i] + 3.0, y: pos[i].y - h / 2.0, w, h };
                    labels[i] = Some((Placed { node: i, rect, side: Side::Right }, false));
                }
            }
        }
        Drawing { width, height, pos, radius, font, lines, labels, degrees }
    }

    /// The picture, as SVG. `interactive` (for the HTML page) adds ids for the script
    /// and a hidden label on every unlabelled node.
    pub fn svg(&self, interactive: bool) -> String {
        let d = self.drawing(interactive);
        let mut s = String::new();
        let (w, h) = (d.width, d.height);
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}">"#,
            xml_attr(FONTS)
        );
        let summary = self.summary();
        let _ = writeln!(s, "<title>Who met whom: {}</title>", xml_text(&summary));
        let _ = writeln!(s, r##"<rect width="{w}" height="{h}" fill="#ffffff"/>"##);
        let _ = writeln!(s, r##"<text x="28" y="30" font-size="20" font-weight="bold" fill="#1d2433">Who met whom</text>"##);
        let sub = if self.caption.is_empty() { summary.clone() } else { format!("{summary} · {}", self.caption) };
        let _ = writeln!(s, r##"<text x="28" y="50" font-size="13" fill="#4a5468">{}</text>"##, xml_text(&display(&sub)));
        if self.graph.node_count() == 0 {
            let _ = writeln!(s, r##"<text x="{}" y="{}" font-size="16" fill="#4a5468" text-anchor="middle">No meetings in this selection.</text>"##, w / 2.0, h / 2.0);
        }
        self.svg_edges(&mut s, &d, interactive);
        self.svg_nodes(&mut s, &d, interactive);
        self.svg_labels(&mut s, &d, interactive);
        if self.graph.node_count() <= 60 {
            self.svg_counts(&mut s, &d);
        }
        self.svg_legend(&mut s, h);
        let _ = writeln!(s, "</svg>");
        s
    }

    /// Edges: lighter first, so the heavy ones are drawn on top.
    fn svg_edges(&self, s: &mut String, d: &Drawing, interactive: bool) {
        let mut edges: Vec<(usize, usize, usize, &Link)> = self.ends().enumerate().map(|(i, (a, b, l))| (i, a, b, l)).collect();
        edges.sort_by_key(|e| (e.3.weight(), e.0));
        // Fainter lines when there are many.
        let opacity = (0.75 - self.graph.edge_count() as f64 / 3000.0).clamp(0.4, 0.75);
        let _ = writeln!(s, r#"<g id="edges" stroke-linecap="round" fill="none" stroke-opacity="{opacity:.2}">"#);
        for (ei, ai, bi, l) in edges {
            let (a, b) = (&self.graph[NodeIndex::new(ai)], &self.graph[NodeIndex::new(bi)]);
            let (p, q) = (d.pos[ai], d.pos[bi]);
            let width = edge_width(l.weight());
            let (stroke, dash) = match l.relation() {
                Relation::Met => ("#6b7a90", ""),
                Relation::MetAt => ("#58a27c", r#" stroke-dasharray="4 3""#),
                Relation::MentionedWith => ("#d89b5b", r#" stroke-dasharray="2 3""#),
            };
            let title = edge_title(a, b, l);
            let ids = if interactive { format!(r#" data-a="{ai}" data-b="{bi}" data-e="{ei}""#) } else { String::new() };
            let _ = writeln!(
                s,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"{dash}{ids}><title>{}</title></line>"#,
                num(p.x),
                num(p.y),
                num(q.x),
                num(q.y),
                num(width),
                xml_text(&title)
            );
        }
        let _ = writeln!(s, "</g>");
    }

    /// Nodes: the best connected last, on top.
    fn svg_nodes(&self, s: &mut String, d: &Drawing, interactive: bool) {
        let mut order: Vec<usize> = (0..self.graph.node_count()).collect();
        order.sort_by_key(|&i| (d.degrees[i], i));
        let _ = writeln!(s, r##"<g id="nodes" stroke="#ffffff" stroke-width="1.5">"##);
        for &i in &order {
            let n = &self.graph[NodeIndex::new(i)];
            let (p, r) = (d.pos[i], d.radius[i]);
            let (cr, cg, cb) = colour(n.kind);
            let fill = format!("#{cr:02x}{cg:02x}{cb:02x}");
            let ids = if interactive { format!(r#" data-i="{i}""#) } else { String::new() };
            let title = xml_text(&node_title(n, d.degrees[i]));
            let _ = match n.kind {
                Kind::Person => writeln!(s, r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}"{ids}><title>{title}</title></circle>"#, num(p.x), num(p.y), num(r)),
                Kind::Place => writeln!(
                    s,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{fill}"{ids}><title>{title}</title></rect>"#,
                    num(p.x - r * 0.9),
                    num(p.y - r * 0.9),
                    num(r * 1.8),
                    num(r * 1.8)
                ),
                Kind::Organization => writeln!(
                    s,
                    r#"<polygon points="{},{} {},{} {},{} {},{}" fill="{fill}"{ids}><title>{title}</title></polygon>"#,
                    num(p.x),
                    num(p.y - r * 1.1),
                    num(p.x + r * 1.1),
                    num(p.y),
                    num(p.x),
                    num(p.y + r * 1.1),
                    num(p.x - r * 1.1),
                    num(p.y)
                ),
            };
        }
        let _ = writeln!(s, "</g>");
    }

    /// Labels: English above Chinese, with a white halo.
    fn svg_labels(&self, s: &mut String, d: &Drawing, interactive: bool) {
        let _ = writeln!(
            s,
            r##"<g id="labels" fill="#1d2433" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" pointer-events="none">"##
        );
        for (i, placed) in d.labels.iter().enumerate() {
            let Some((pl, shown)) = placed else { continue };
            let (en, zh) = &d.lines[i];
            let f = d.font[i];
            let x = match pl.side.anchor() {
                "start" => pl.rect.x,
                "end" => pl.rect.right(),
                _ => pl.rect.x + pl.rect.w / 2.0,
            };
            let hidden = !shown;
            let attrs = if interactive { format!(r#" data-i="{i}"{}"#, if hidden { r#" visibility="hidden""# } else { "" }) } else { String::new() };
            let _ = write!(s, r#"<g text-anchor="{}"{attrs}>"#, pl.side.anchor());
            let weight = if d.degrees[i] as f64 >= 0.6 * d.max_degree() && d.degrees[i] > 1 { r#" font-weight="bold""# } else { "" };
            let _ = write!(s, r#"<text x="{}" y="{}" font-size="{}"{weight}>{}</text>"#, num(x), num(pl.rect.y + f * 0.95), num(f), xml_text(en));
            if let Some(z) = zh {
                let _ = write!(
                    s,
                    r##"<text x="{}" y="{}" font-size="{}" font-family="{}" fill="#3b4456">{}</text>"##,
                    num(x),
                    num(pl.rect.y + f * 1.2 + f * 0.98),
                    num(f),
                    xml_attr(CJK_FONTS),
                    xml_text(z)
                );
            }
            let _ = writeln!(s, "</g>");
        }
        let _ = writeln!(s, "</g>");
    }

    /// The number of meetings on the heavier edges (small networks only).
    fn svg_counts(&self, s: &mut String, d: &Drawing) {
        let mut taken: Vec<Rect> = d.labels.iter().flatten().filter(|(_, shown)| *shown).map(|(p, _)| p.rect).collect();
        let _ = writeln!(
            s,
            r##"<g id="counts" font-size="11" font-weight="bold" fill="#4a5468" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" text-anchor="middle" pointer-events="none">"##
        );
        for (a, b, l) in self.ends() {
            if l.weight() < 2 {
                continue;
            }
            let text = format!("{}×", l.weight());
            let (p, q) = (d.pos[a], d.pos[b]);
            let w = layout::text_width(&text, 11.0);
            for t in [0.5, 0.38, 0.62, 0.28, 0.72] {
                let c = Point { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
                let rect = Rect { x: c.x - w / 2.0 - 2.0, y: c.y - 8.0, w: w + 4.0, h: 13.0 };
                if taken.iter().any(|r| r.intersects(&rect)) || d.pos.iter().zip(&d.radius).any(|(&c, &r)| rect.hits_circle(c, r)) {
                    continue;
                }
                let _ = writeln!(s, r#"<text x="{}" y="{}">{text}</text>"#, num(c.x), num(c.y + 4.0));
                taken.push(rect);
                break;
            }
        }
        let _ = writeln!(s, "</g>");
    }

    /// The legend along the bottom.
    fn svg_legend(&self, s: &mut String, h: f64) {
        let y = h - 16.0;
        let _ = writeln!(s, r##"<g id="legend" font-size="12" fill="#4a5468">"##);
        let mut x = 28.0;
        let (pr, pg, pb) = colour(Kind::Person);
        let _ = writeln!(s, r##"<circle cx="{}" cy="{}" r="5" fill="#{pr:02x}{pg:02x}{pb:02x}"/><text x="{}" y="{}">person (size: people met)</text>"##, x + 5.0, y - 4.0, x + 14.0, y);
        x += 190.0;
        if self.count(Kind::Place) > 0 {
            let (r, g, b) = colour(Kind::Place);
            let _ = writeln!(s, r##"<rect x="{x}" y="{}" width="9" height="9" fill="#{r:02x}{g:02x}{b:02x}"/><text x="{}" y="{y}">place</text>"##, y - 9.0, x + 14.0);
            x += 64.0;
        }
        if self.count(Kind::Organization) > 0 {
            let (r, g, b) = colour(Kind::Organization);
            let _ = writeln!(
                s,
                r##"<polygon points="{},{} {},{} {},{} {},{}" fill="#{r:02x}{g:02x}{b:02x}"/><text x="{}" y="{y}">organization</text>"##,
                x + 5.0,
                y - 10.0,
                x + 10.0,
                y - 4.0,
                x + 5.0,
                y + 2.0,
                x,
                y - 4.0,
                x + 14.0
            );
            x += 104.0;
        }
        let _ = write!(s, r#"<text x="{}" y="{y}">meetings:</text>"#, num(x));
        x += 68.0;
        for weight in [1, 2, 5] {
            let _ = write!(
                s,
                r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#6b7a90" stroke-width="{}"/><text x="{}" y="{y}">{weight}</text>"##,
                num(x),
                num(y - 4.0),
                num(x + 22.0),
                num(y - 4.0),
                num(edge_width(weight)),
                num(x + 26.0)
            );
            x += 46.0;
        }
        let _ = writeln!(s);
        let _ = writeln!(s, "</g>");
    }
}

/// Where everything goes in a picture.
pub(super) struct Drawing {
    pub(super) width: f64,
    pub(super) height: f64,
    pub(super) pos: Vec<Point>,
    pub(super) radius: Vec<f64>,
    pub(super) font: Vec<f64>,
    pub(super) lines: Vec<(String, Option<String>)>,
    /// Each node's label and whether it shows (hidden ones are for the page's hover).
    pub(super) labels: Vec<Option<(Placed, bool)>>,
    pub(super) degrees: Vec<usize>,
}

impl Drawing {
    fn max_degree(&self) -> f64 {
        self.degrees.iter().copied().max().unwrap_or(0) as f64
    }
}


const FONTS: &str = "DejaVu Sans, Noto Sans, Helvetica Neue, Arial, WenQuanYi Micro Hei, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif";
const CJK_FONTS: &str = "WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, SimHei, sans-serif";

pub(super) fn colour(kind: Kind) -> (u8, u8, u8) {
    match kind {
        Kind::Person => (0x2f, 0x5f, 0xa7),
        Kind::Place => (0x2e, 0x8b, 0x57),
        Kind::Organization => (0xd0, 0x74, 0x1f),
    }
}

fn node_title(n: &Node, degree: usize) -> String {
    let mut t = display(&n.label);
    if let Some(z) = &n.label_zh
        && *z != n.label
    {
        t.push(' ');
        t.push_str(&display(z));
    }
    for r in &n.roles {
        t.push('\n');
        t.push_str(&display(r));
    }
    let what = match n.kind {
        Kind::Person => format!("met {degree} {}", if degree == 1 { "person" } else { "people" }),
        Kind::Place => format!("{degree} {} met here", if degree == 1 { "person" } else { "people" }),
        Kind::Organization => format!("mentioned beside meetings of {degree} {}", if degree == 1 { "person" } else { "people" }),
    };
    t.push('\n');
    t.push_str(&what);
    t
}

fn edge_title(a: &Node, b: &Node, l: &Link) -> String {
    let n = l.weight();
    let what = match l.relation() {
        Relation::Met => "met",
        Relation::MetAt => "at",
        Relation::MentionedWith => "with",
    };
    let mut t = format!("{} {what} {}: {n} {}", display(&a.label), display(&b.label), if n == 1 { "meeting" } else { "meetings" });
    if !l.dates.is_empty() {
        t.push_str(&format!(" ({})", join(&l.dates, ", ")));
    }
    t
}

/// Line width for an edge of `weight` meetings: 1.5 for one, 4 for two, growing with
/// the square root, at most 12.
fn edge_width(weight: usize) -> f64 {
    (1.5 + 2.5 * ((weight.max(1) - 1) as f64).sqrt()).min(12.0)
}
