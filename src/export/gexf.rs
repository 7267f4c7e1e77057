//! GEXF 1.3: the network with a spell per meeting day (Gephi's timeline), the layout's
//! positions, sizes and colours.

use super::svg::colour;
use super::{Network, date_span, num, xml_attr, xml_text};
use chrono::NaiveDate;
use petgraph::visit::EdgeRef;
use std::io::Write;

impl Network {
    pub(super) fn write_gexf(&self, w: &mut dyn Write) -> std::io::Result<()> {
        let d = self.drawing(false);
        writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            w,
            r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
        )?;
        writeln!(w, "  <meta>")?;
        writeln!(w, "    <creator>summit</creator>")?;
        let mut desc = format!("Who met whom: {}. An edge has one spell per meeting day (a month or year when that is all the article gives); a node starts at its first meeting.", self.summary());
        if !self.caption.is_empty() {
            desc = format!("{desc} Selection: {}.", self.caption);
        }
        writeln!(w, "    <description>{}</description>", xml_text(&desc))?;
        writeln!(w, "  </meta>")?;
        writeln!(w, r#"  <graph defaultedgetype="undirected" mode="dynamic" timeformat="date" timerepresentation="interval">"#)?;
        writeln!(w, r#"    <attributes class="node" mode="static">"#)?;
        for id in ["label_zh", "type", "roles", "roles_zh", "iri"] {
            writeln!(w, r#"      <attribute id="{id}" title="{id}" type="string"/>"#)?;
        }
        writeln!(w, "    </attributes>")?;
        writeln!(w, r#"    <attributes class="edge" mode="static">"#)?;
        for (id, ty) in [("dates", "string"), ("relation", "string"), ("meetings", "string"), ("reports", "integer"), ("url", "string")] {
            writeln!(w, r#"      <attribute id="{id}" title="{id}" type="{ty}"/>"#)?;
        }
        writeln!(w, "    </attributes>")?;
        // Each edge's spells; a node starts at its first spell, unless one of its edges
        // is undated (then it is there all along).
        let spells: Vec<Vec<(NaiveDate, NaiveDate)>> = self.graph.edge_weights().map(|l| l.dates.iter().filter_map(|d| date_span(d)).collect()).collect();
        writeln!(w, "    <nodes>")?;
        for (i, n) in self.graph.node_indices().zip(self.nodes()) {
            let mut start: Option<NaiveDate> = None;
            let mut timeless = false;
            for e in self.graph.edges(i) {
                match spells[e.id().index()].iter().map(|s| s.0).min() {
                    Some(s) => start = Some(start.map_or(s, |x| x.min(s))),
                    None => timeless = true,
                }
            }
            let start = if timeless { String::new() } else { start.map(|s| format!(r#" start="{s}""#)).unwrap_or_default() };
            writeln!(w, r#"      <node id="{}" label="{}"{start}>"#, xml_attr(&n.id), xml_attr(&n.label))?;
            writeln!(w, "        <attvalues>")?;
            n.attributes(|key, value| writeln!(w, r#"          <attvalue for="{key}" value="{}"/>"#, xml_attr(value)))?;
            writeln!(w, "        </attvalues>")?;
            let (r, g, b) = colour(n.kind);
            let p = d.pos[i.index()];
            writeln!(w, r#"        <viz:color r="{r}" g="{g}" b="{b}"/>"#)?;
            // Gephi's y axis points up.
            writeln!(w, r#"        <viz:position x="{}" y="{}" z="0.0"/>"#, num(p.x), num(d.height - p.y))?;
            writeln!(w, r#"        <viz:size value="{}"/>"#, num(d.radius[i.index()]))?;
            writeln!(w, "      </node>")?;
        }
        writeln!(w, "    </nodes>")?;
        writeln!(w, "    <edges>")?;
        for (i, a, b, l) in self.edges() {
            writeln!(w, r#"      <edge id="e{i}" source="{}" target="{}" weight="{}">"#, xml_attr(&a.id), xml_attr(&b.id), l.weight())?;
            writeln!(w, "        <attvalues>")?;
            l.attributes(|key, value| writeln!(w, r#"          <attvalue for="{key}" value="{}"/>"#, xml_attr(value)))?;
            writeln!(w, "        </attvalues>")?;
            if !spells[i].is_empty() {
                writeln!(w, "        <spells>")?;
                for (s, e) in &spells[i] {
                    writeln!(w, r#"          <spell start="{s}" end="{e}"/>"#)?;
                }
                writeln!(w, "        </spells>")?;
            }
            writeln!(w, "      </edge>")?;
        }
        writeln!(w, "    </edges>")?;
        writeln!(w, "  </graph>")?;
        writeln!(w, "</gexf>")
    }
}
